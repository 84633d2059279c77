import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { auditActions } from './admin-fixtures.js';
import {
  addPeople,
  createAssessment,
  dgcaWorld,
  moveTo,
  signedInPerson,
  type DgcaWorld,
} from './dgca-assessments-fixtures.js';
import { call, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('DGCA individual round: a participant’s own ratings', () => {
  let t: TestApp;
  let db: DataSource;
  let world: DgcaWorld;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await dgcaWorld(t, 'dgca-r');
  });
  afterAll(() => t.close());

  const mine = (id: string, rest = '') => `/api/me/assessments/${id}${rest}`;
  const rating = (id: string, statementId: string) => mine(id, `/ratings/${statementId}`);

  /** An assessment in its individual round with these new participants. */
  async function openRound(count: number): Promise<{ id: string; people: TestSession[] }> {
    const created = await createAssessment(t, world);
    const people: TestSession[] = [];
    for (let index = 0; index < count; index++) people.push(await signedInPerson(t, `dgca-rater-${index}`));
    await addPeople(
      t,
      world,
      created.id,
      people.map((person) => person.email),
    );
    await moveTo(t, world, created.id, 'individual');
    return { id: created.id, people };
  }

  it('hides drafts from participants and lists the rest with their progress', async () => {
    const created = await createAssessment(t, world);
    const person = await signedInPerson(t, 'dgca-draft');
    await addPeople(t, world, created.id, [person.email]);
    expect((await call(t, person, 'get', mine(created.id))).status).toBe(404);
    let list = await call(t, person, 'get', '/api/me/assessments');
    expect(list.body.items).toEqual([]);

    await moveTo(t, world, created.id, 'individual');
    list = await call(t, person, 'get', '/api/me/assessments');
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: created.id,
        status: 'individual',
        answered: 0,
        total: 4,
        submittedAt: null,
        resultsAvailable: false,
      }),
    ]);
    const view = await call(t, person, 'get', mine(created.id));
    expect(view.status).toBe(200);
    expect(view.body.scale.map((level: { value: number }) => level.value)).toEqual([1, 2, 3, 4]);
    expect(view.body.dimensions.map((dimension: { key: string }) => dimension.key)).toEqual([
      'leadership',
      'technology',
    ]);
    expect(view.body.dimensions[0].statements.map((statement: { id: string }) => statement.id)).toEqual(
      world.version.statementIds.slice(0, 2),
    );
    expect(view.body).toMatchObject({
      ratings: [],
      answered: 0,
      total: 4,
      institution: { id: world.institutionId },
    });
  });

  it('saves a rating or "don’t know" with comment and link, keeps them when left out, clears them with null', async () => {
    const { id, people } = await openRound(1);
    const [person] = people as [TestSession];
    const [first, second] = world.version.statementIds as [string, string];
    const saved = await call(t, person, 'put', rating(id, first)).send({
      value: 3,
      comment: '  A strategy exists but is not funded.  ',
      evidenceUrl: 'https://www.govt.lc/strategy',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      statementId: first,
      value: 3,
      dontKnow: false,
      comment: 'A strategy exists but is not funded.',
      evidenceUrl: 'https://www.govt.lc/strategy',
      answered: 1,
      total: 4,
    });
    const changed = await call(t, person, 'put', rating(id, first)).send({ value: 4 });
    expect(changed.body).toMatchObject({ value: 4, comment: 'A strategy exists but is not funded.' });
    const cleared = await call(t, person, 'put', rating(id, first)).send({
      value: 4,
      comment: null,
      evidenceUrl: null,
    });
    expect(cleared.body).toMatchObject({ comment: null, evidenceUrl: null });

    const unknown = await call(t, person, 'put', rating(id, second)).send({ value: null, dontKnow: true });
    expect(unknown.body).toMatchObject({ value: null, dontKnow: true, answered: 2 });
    const view = await call(t, person, 'get', mine(id));
    expect(view.body.answered).toBe(2);
    expect(view.body.ratings).toHaveLength(2);

    expect((await call(t, person, 'delete', rating(id, second))).status).toBe(204);
    expect((await call(t, person, 'get', mine(id))).body.answered).toBe(1);
  });

  it('refuses values off the scale (422 naming the levels), both or neither, and links that are not http(s)', async () => {
    const { id, people } = await openRound(1);
    const [person] = people as [TestSession];
    const statement = world.version.statementIds[0]!;
    const off = await call(t, person, 'put', rating(id, statement)).send({ value: 5 });
    expect(off.status).toBe(422);
    expect(off.body).toMatchObject({ code: 'rating-out-of-scale', allowed: [1, 2, 3, 4] });
    expect(off.body.detail).toContain('1, 2, 3, 4');
    const zero = await call(t, person, 'put', rating(id, statement)).send({ value: 0 });
    expect(zero.body.code).toBe('rating-out-of-scale');
    const both = await call(t, person, 'put', rating(id, statement)).send({ value: 2, dontKnow: true });
    expect(both.status).toBe(422);
    expect(both.body.code).toBe('invalid-rating');
    const neither = await call(t, person, 'put', rating(id, statement)).send({ comment: 'Only a comment' });
    expect(neither.status).toBe(422);
    for (const evidenceUrl of ['javascript:alert(1)', 'https:example.org', 'not a link']) {
      const link = await call(t, person, 'put', rating(id, statement)).send({ value: 2, evidenceUrl });
      expect(link.status).toBe(422);
      expect(link.body.code).toBe('invalid-evidence-url');
    }
    const fraction = await call(t, person, 'put', rating(id, statement)).send({ value: 2.5 });
    expect(fraction.status).toBe(400);
    const [count] = (await db.query(
      `SELECT count(*)::int AS n FROM dgca_rating r JOIN dgca_participant p ON p.id = r.participant_id WHERE p.assessment_id = $1`,
      [id],
    )) as { n: number }[];
    expect(count!.n).toBe(0);
  });

  it('answers 404 for a statement of another version', async () => {
    const { id, people } = await openRound(1);
    const other = await dgcaWorld(t, 'dgca-r-other');
    const res = await call(t, people[0], 'put', rating(id, other.version.statementIds[0]!)).send({
      value: 2,
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('statement-not-found');
  });

  it('refuses ratings once the round has closed (409 round-closed), and after completion', async () => {
    const { id, people } = await openRound(1);
    const [person] = people as [TestSession];
    const statement = world.version.statementIds[0]!;
    expect((await call(t, person, 'put', rating(id, statement)).send({ value: 2 })).status).toBe(200);
    await moveTo(t, world, id, 'consensus');
    for (const res of [
      await call(t, person, 'put', rating(id, statement)).send({ value: 3 }),
      await call(t, person, 'delete', rating(id, statement)),
      await call(t, person, 'post', mine(id, '/submit')),
    ]) {
      expect(res.status).toBe(409);
      // The assessment's status is an extension of its own: the problem's status stays the HTTP one.
      expect(res.body).toMatchObject({ status: 409, code: 'round-closed', assessmentStatus: 'consensus' });
    }
    const view = await call(t, person, 'get', mine(id));
    expect(view.body.ratings).toEqual([expect.objectContaining({ statementId: statement, value: 2 })]);
    await moveTo(t, world, id, 'completed');
    const late = await call(t, person, 'put', rating(id, statement)).send({ value: 3 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('assessment-completed');
    expect((await call(t, person, 'get', '/api/me/assessments')).body.items).toEqual([
      expect.objectContaining({ id, resultsAvailable: true, answered: 1 }),
    ]);
  });

  it('shows a participant only their own answers; others, and managers on the learner routes, get 404', async () => {
    const { id, people } = await openRound(2);
    const [alice, bob] = people as [TestSession, TestSession];
    const statement = world.version.statementIds[0]!;
    await call(t, alice, 'put', rating(id, statement)).send({ value: 1, comment: 'Alice thinks so' });
    await call(t, bob, 'put', rating(id, statement)).send({ value: 4, comment: 'Bob disagrees' });
    const bobView = await call(t, bob, 'get', mine(id));
    expect(bobView.body.ratings).toEqual([expect.objectContaining({ value: 4, comment: 'Bob disagrees' })]);
    expect(JSON.stringify(bobView.body)).not.toContain('Alice');

    const stranger = await signedInPerson(t, 'dgca-stranger');
    for (const [session, method, path] of [
      [stranger, 'get', mine(id)],
      [stranger, 'put', rating(id, statement)],
      [stranger, 'post', mine(id, '/submit')],
      [world.admin, 'get', mine(id)],
      [world.admin, 'put', rating(id, statement)],
    ] as const) {
      const res = await call(t, session, method, path).send(method === 'put' ? { value: 2 } : undefined);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('assessment-not-found');
    }
    // The manager sees progress per person, never the answers.
    const progress = await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}/participants`);
    expect(progress.body.participants.map((row: { answered: number }) => row.answered)).toEqual([1, 1]);
    expect(JSON.stringify(progress.body)).not.toMatch(/Alice thinks|Bob disagrees|"value"/);
  });

  it('records submission (audited, still editable) and counts those who answered everything', async () => {
    const { id, people } = await openRound(2);
    const [done, halfway] = people as [TestSession, TestSession];
    for (const statementId of world.version.statementIds)
      expect((await call(t, done, 'put', rating(id, statementId)).send({ value: 2 })).status).toBe(200);
    await call(t, halfway, 'put', rating(id, world.version.statementIds[0]!)).send({ dontKnow: true });
    const submitted = await call(t, done, 'post', mine(id, '/submit'));
    expect(submitted.status).toBe(200);
    expect(typeof submitted.body.submittedAt).toBe('string');
    expect(
      (await call(t, done, 'put', rating(id, world.version.statementIds[0]!)).send({ value: 3 })).status,
    ).toBe(200);
    const view = await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}`);
    expect(view.body).toMatchObject({ participants: 2, answeredAll: 1, submitted: 1 });
    const [participant] = (await db.query(
      `SELECT id FROM dgca_participant WHERE assessment_id = $1 AND user_id = $2`,
      [id, done.userId],
    )) as { id: string }[];
    const audit = await auditActions(t, participant!.id);
    expect(audit.map((row) => row.action)).toEqual(['dgca_participant.submitted']);
    expect(JSON.stringify(audit)).not.toContain('"value"');
  });

  it('keeps the ratings of a deleted account, tied to no one', async () => {
    const { id, people } = await openRound(1);
    const [person] = people as [TestSession];
    await call(t, person, 'put', rating(id, world.version.statementIds[0]!)).send({
      value: 3,
      comment: 'Kept',
    });
    const deleted = await call(t, person, 'delete', '/api/me').send({ password: person.password });
    expect(deleted.status).toBe(204);
    const rows = (await db.query(
      `SELECT p.user_id AS "userId", r.value, r.comment FROM dgca_participant p
         JOIN dgca_rating r ON r.participant_id = p.id WHERE p.assessment_id = $1`,
      [id],
    )) as { userId: string | null; value: number; comment: string }[];
    expect(rows).toEqual([{ userId: null, value: 3, comment: 'Kept' }]);
    const progress = await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}/participants`);
    expect(progress.body.participants).toEqual([
      expect.objectContaining({ userId: null, displayName: '', email: '', answered: 1 }),
    ]);
  });

  it('makes an invitee who accepts during the round a participant and tells them where to rate', async () => {
    const { id } = await openRound(1);
    const email = `${unique('dgca-late-invitee')}@example.org`;
    expect(await addPeople(t, world, id, [email])).toEqual([
      { email: email.toLowerCase(), outcome: 'invited' },
    ]);
    const [invitation] = (await db.query(
      `SELECT text_body AS text FROM mail_message WHERE lower(recipient) = lower($1) ORDER BY created_at`,
      [email],
    )) as { text: string }[];
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec(invitation!.text)![1]!;
    const accepted = await t.http
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Late Invitee', password: 'a very good password 2026' });
    expect(accepted.status).toBe(200);
    const templates = (await db.query(
      `SELECT template FROM mail_message WHERE lower(recipient) = lower($1) ORDER BY created_at, id`,
      [email],
    )) as { template: string }[];
    expect(templates.map((row) => row.template)).toEqual(['invitation', 'dgcaRoundOpened']);
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM dgca_participant WHERE assessment_id = $1 AND user_id = $2`,
      [id, accepted.body.user.id],
    )) as { n: number }[];
    expect(row!.n).toBe(1);
  });
});

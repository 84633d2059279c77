import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  addPeople,
  createAssessment,
  dgcaWorld,
  moveTo,
  signedInPerson,
  type DgcaWorld,
} from './dgca-assessments-fixtures.js';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { PASSWORD } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Defects found in review of the DGCA API (issue 9): each test failed before its fix. */
describe('DGCA review', () => {
  let t: TestApp;
  let db: DataSource;
  let world: DgcaWorld;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await dgcaWorld(t, 'dgca-review');
  });
  afterAll(() => t.close());

  async function openRound(count: number): Promise<{ id: string; people: TestSession[] }> {
    const created = await createAssessment(t, world);
    const people: TestSession[] = [];
    for (let index = 0; index < count; index++) people.push(await signedInPerson(t, `dgca-rv-${index}`));
    await addPeople(
      t,
      world,
      created.id,
      people.map((person) => person.email),
    );
    await moveTo(t, world, created.id, 'individual');
    return { id: created.id, people };
  }

  it('refuses an evidence link with a NUL character as a 400, not a 500', async () => {
    const { id, people } = await openRound(1);
    const res = await call(
      t,
      people[0]!,
      'put',
      `/api/me/assessments/${id}/ratings/${world.version.statementIds[0]}`,
    ).send({ value: 2, evidenceUrl: 'https://example.org/a\u0000b' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'evidenceUrl' })]);
  });

  it('answers 404, not 500, to a rating that waited for a removal of its participant', async () => {
    const { id, people } = await openRound(1);
    const [participant] = (await db.query(`SELECT id FROM dgca_participant WHERE assessment_id = $1`, [
      id,
    ])) as { id: string }[];
    // A manager's removal holds the assessment row while the rating comes in.
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT id FROM dgca_assessment WHERE id = $1 FOR UPDATE`, [id]);
      const rating = call(
        t,
        people[0]!,
        'put',
        `/api/me/assessments/${id}/ratings/${world.version.statementIds[0]}`,
      )
        .send({ value: 2 })
        .then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await runner.query(`DELETE FROM dgca_participant WHERE id = $1`, [participant!.id]);
      await runner.commitTransaction();
      const res = await rating;
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('assessment-not-found');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('keeps a statement only one person answered out of the dimension average, which would give their rating away', async () => {
    const { id, people } = await openRound(3);
    const [first, second] = world.version.statementIds;
    const rate = (person: TestSession, statementId: string, value: number) =>
      call(t, person, 'put', `/api/me/assessments/${id}/ratings/${statementId}`).send({ value });
    for (const person of people) expect((await rate(person, first!, 2)).status).toBe(200);
    // Only one person rates the second statement: the participants list shows who (2 answered).
    expect((await rate(people[0]!, second!, 4)).status).toBe(200);
    await moveTo(t, world, id, 'consensus');

    const consensus = await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}/consensus`);
    const statement = consensus.body.dimensions[0].statements[1];
    expect(statement).toMatchObject({ answered: 1, withheld: true, mean: null });
    const results = await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}/results`);
    const leadership = results.body.dimensions.find((d: { key: string }) => d.key === 'leadership');
    // (2 + 2 + 2 + 4) / 4 = 2.5 would tell the facilitator the lone rating was 4.
    expect(leadership).toMatchObject({ average: 2, spread: 0, score: 2 });
  });

  it('keeps every rater once the facilitator has seen the distributions: removing one after reopening the round would show their ratings by difference', async () => {
    const { id, people } = await openRound(4);
    for (const [index, person] of people.entries()) {
      const res = await call(
        t,
        person,
        'put',
        `/api/me/assessments/${id}/ratings/${world.version.statementIds[0]}`,
      ).send({ value: 1 + index, comment: `Comment ${index}` });
      expect(res.status).toBe(200);
    }
    await moveTo(t, world, id, 'consensus');
    expect((await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}/consensus`)).status).toBe(
      200,
    );
    await moveTo(t, world, id, 'individual');
    const { participants } = (
      await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}/participants`)
    ).body as { participants: { id: string; userId: string }[] };
    const target = participants.find((row) => row.userId === people[3]!.userId)!;
    const res = await call(
      t,
      world.admin,
      'delete',
      `/api/studio/dgca/assessments/${id}/participants/${target.id}`,
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('round-closed');
    const [count] = (await db.query(`SELECT count(*)::int AS n FROM dgca_rating WHERE participant_id = $1`, [
      target.id,
    ])) as { n: number }[];
    expect(count!.n).toBe(1);
  });

  it('takes a title with a lone UTF-16 surrogate without a 500 from the audit entry (jsonb refuses "\\ud800")', async () => {
    const res = await call(t, world.admin, 'post', '/api/studio/dgca/assessments').send({
      institutionId: world.institutionId,
      subject: 'country',
      country: 'LC',
      title: 'Broken \ud800 text',
      versionId: world.version.versionId,
    });
    expect(res.status).toBe(201);
    const [event] = (await db.query(
      `SELECT details->>'title' AS title FROM audit_event WHERE target_id = $1 AND action = 'dgca_assessment.created'`,
      [res.body.id],
    )) as { title: string }[];
    expect(event!.title).toBe('Broken \ufffd text');
  });

  it('refuses a list item that is itself a list as a 400, not a 500', async () => {
    const created = await createAssessment(t, world);
    const people = await call(
      t,
      world.admin,
      'post',
      `/api/studio/dgca/assessments/${created.id}/participants`,
    ).send({ people: [[]] });
    expect(people.status).toBe(400);
  });

  it('refuses a lone surrogate in an e-mail address as a 400, not a 500', async () => {
    const created = await createAssessment(t, world);
    const people = await call(
      t,
      world.admin,
      'post',
      `/api/studio/dgca/assessments/${created.id}/participants`,
    ).send({ people: [{ email: '\ud800' }] });
    expect(people.status).toBe(400);
  });

  it('refuses a dimension or statement that is a list as a 400, not a 500', async () => {
    const staff = { email: `${unique('dgca-review-staff')}@example.org`, password: PASSWORD };
    await t.app.get(AccountsService).ensure({
      ...staff,
      displayName: 'Platform staff',
      preferredLanguage: 'en',
      isPlatformAdmin: true,
    });
    const admin = await signIn(t, staff.email, staff.password);
    const created = await call(t, admin, 'post', '/api/studio/dgca/frameworks').send({
      name: unique('Review framework'),
    });
    expect(created.status).toBe(201);
    const scale = [
      { value: 1, label: 'Low' },
      { value: 2, label: 'High' },
    ];
    const save = (dimensions: unknown[]) =>
      call(t, admin, 'put', `/api/studio/dgca/framework-versions/${created.body.draft.versionId}`).send({
        revision: 1,
        language: 'en',
        scale,
        dimensions,
      });
    expect((await save([[]])).status).toBe(400);
    expect((await save([{ key: 'k', name: 'K', statements: [[]], recommendations: [] }])).status).toBe(400);
  });

  it('records a consensus on a statement named by its id in upper case, as any UUID', async () => {
    const { id } = await openRound(1);
    await moveTo(t, world, id, 'consensus');
    const statementId = world.version.statementIds[0]!;
    const res = await call(
      t,
      world.admin,
      'put',
      `/api/studio/dgca/assessments/${id}/consensus/${statementId.toUpperCase()}`,
    ).send({ value: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statementId, consensus: { value: 3 } });
  });

  it('lets a participant report progress on an action of an assessment named in upper case', async () => {
    const { id, people } = await openRound(1);
    await moveTo(t, world, id, 'consensus');
    const action = await call(t, world.admin, 'post', `/api/studio/dgca/assessments/${id}/actions`).send({
      dimensionKey: 'leadership',
      title: 'Upper case',
      impact: 2,
      feasibility: 2,
    });
    expect(action.status).toBe(201);
    const res = await call(
      t,
      people[0]!,
      'post',
      `/api/me/assessments/${id.toUpperCase()}/actions/${action.body.id}/updates`,
    ).send({ comment: 'Started.' });
    expect(res.status).toBe(201);
  });

  it('recommends a course and module named by ids in upper case, as any UUID', async () => {
    const staff = { email: `${unique('dgca-review-rec')}@example.org`, password: PASSWORD };
    await t.app.get(AccountsService).ensure({
      ...staff,
      displayName: 'Platform staff',
      preferredLanguage: 'en',
      isPlatformAdmin: true,
    });
    const admin = await signIn(t, staff.email, staff.password);
    const course = await createCourse(t, admin, world.institutionId);
    const { moduleId } = await addModule(t, admin, course.id, course.revision, 'Upper case module');
    const created = await call(t, admin, 'post', '/api/studio/dgca/frameworks').send({
      name: unique('Review recommendations'),
    });
    const res = await call(
      t,
      admin,
      'put',
      `/api/studio/dgca/framework-versions/${created.body.draft.versionId}`,
    ).send({
      revision: 1,
      language: 'en',
      scale: [
        { value: 1, label: 'Low' },
        { value: 2, label: 'High' },
      ],
      dimensions: [
        {
          key: 'k',
          name: 'K',
          statements: [{ text: 'A statement' }],
          recommendations: [{ courseId: course.id.toUpperCase(), moduleId: moduleId.toUpperCase() }],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.dimensions[0].recommendations).toEqual([
      expect.objectContaining({ courseId: course.id, moduleId }),
    ]);
  });

  it('adds no participant to an assessment completed while the invitation was being accepted', async () => {
    const { id } = await openRound(1);
    await moveTo(t, world, id, 'consensus');
    const email = `${unique('dgca-review-late')}@example.org`;
    await addPeople(t, world, id, [email]);
    const [mail] = (await db.query(
      `SELECT text_body AS text FROM mail_message WHERE lower(recipient) = lower($1) ORDER BY created_at DESC`,
      [email],
    )) as { text: string }[];
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec(mail!.text)![1]!;
    // The manager's completion holds the assessment row while the invitation is accepted.
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT id FROM dgca_assessment WHERE id = $1 FOR UPDATE`, [id]);
      const accepting = t.http
        .post('/api/invitations/accept')
        .send({ token, displayName: 'Late Comer', password: 'a very good password 2026' })
        .then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await runner.query(
        `UPDATE dgca_assessment SET status = 'completed', completed_at = now() WHERE id = $1`,
        [id],
      );
      await runner.commitTransaction();
      expect((await accepting).status).toBe(200);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM dgca_participant p JOIN user_account u ON u.id = p.user_id
        WHERE p.assessment_id = $1 AND lower(u.email) = lower($2)`,
      [id, email],
    )) as { n: number }[];
    expect(row!.n).toBe(0);
  });
});

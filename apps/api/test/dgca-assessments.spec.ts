import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DEMO_ASSESSMENT_TITLE } from '../src/seed/demo-assessment.js';
import { SeedService } from '../src/seed/seed.service.js';
import { auditActions, createInstitutionWithAdmin } from './admin-fixtures.js';
import {
  addPeople,
  createAssessment,
  dgcaWorld,
  moveTo,
  publishedVersion,
  signedInPerson,
  type DgcaWorld,
} from './dgca-assessments-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('DGCA assessments: settings, status machine, participants and invitees', () => {
  let t: TestApp;
  let db: DataSource;
  let world: DgcaWorld;
  let otherAdmin: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await dgcaWorld(t, 'dgca-a');
    const other = await createInstitutionWithAdmin(t, 'dgca-other');
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
  });
  afterAll(() => t.close());

  const path = (id: string, rest = '') => `/api/studio/dgca/assessments/${id}${rest}`;
  const mails = async (to: string) =>
    (await db.query(
      `SELECT subject, text_body AS text, language, template FROM mail_message
        WHERE lower(recipient) = lower($1) ORDER BY created_at, id`,
      [to],
    )) as { subject: string; text: string; language: string; template: string }[];

  it('creates a draft on a published version, with the counts and framework named', async () => {
    const created = await createAssessment(t, world, {
      individualDueOn: '2026-03-20',
      consensusOn: '2026-03-27',
    });
    expect(created).toMatchObject({
      status: 'draft',
      subject: 'country',
      country: 'LC',
      institution: { id: world.institutionId },
      framework: { versionId: world.version.versionId, number: 1 },
      individualDueOn: '2026-03-20',
      consensusOn: '2026-03-27',
      participants: 0,
      answeredAll: 0,
      statements: 4,
      invitees: 0,
      submitted: 0,
      revision: 1,
      previous: null,
      regionalOptIn: false,
    });
    expect((await auditActions(t, created.id)).map((row) => row.action)).toEqual(['dgca_assessment.created']);
    const list = await call(
      t,
      world.admin,
      'get',
      `/api/studio/dgca/assessments?q=${encodeURIComponent(created.title as string)}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.id]);
  });

  it('defaults the country to the institution’s and refuses drafts, bad dates and unusable previous assessments (422)', async () => {
    const noCountry = await createAssessment(t, world, { country: undefined });
    expect(noCountry.country).toBe('ZZ');

    const draftVersion = await publishedVersion(t);
    await db.query(`UPDATE dgca_framework_version SET status = 'draft', published_at = NULL WHERE id = $1`, [
      draftVersion.versionId,
    ]);
    const body = {
      institutionId: world.institutionId,
      subject: 'country',
      title: unique('A'),
      versionId: draftVersion.versionId,
    };
    const draft = await call(t, world.admin, 'post', '/api/studio/dgca/assessments').send(body);
    expect(draft.status).toBe(422);
    expect(draft.body).toMatchObject({ code: 'version-not-published' });

    const dates = await call(t, world.admin, 'post', '/api/studio/dgca/assessments').send({
      ...body,
      versionId: world.version.versionId,
      individualDueOn: '2026-03-20',
      consensusOn: '2026-03-01',
    });
    expect(dates.status).toBe(422);
    expect(dates.body).toMatchObject({ code: 'dates-out-of-order' });
    expect(dates.body.errors[0].field).toBe('consensusOn');

    const notCompleted = await createAssessment(t, world);
    const previous = await call(t, world.admin, 'post', '/api/studio/dgca/assessments').send({
      ...body,
      country: 'LC',
      versionId: world.version.versionId,
      previousAssessmentId: notCompleted.id,
    });
    expect(previous.status).toBe(422);
    expect(previous.body).toMatchObject({ code: 'invalid-previous' });
  });

  it('hides an assessment from admins of other institutions and from people who are not managers (404 / 403)', async () => {
    const created = await createAssessment(t, world);
    for (const [method, rest] of [
      ['get', ''],
      ['get', '/participants'],
    ] as const) {
      const res = await call(t, otherAdmin, method, path(created.id, rest));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('assessment-not-found');
    }
    const patched = await call(t, otherAdmin, 'patch', path(created.id)).send({
      revision: 1,
      title: 'Mine now',
    });
    expect(patched.status).toBe(404);
    const status = await call(t, otherAdmin, 'post', path(created.id, '/status')).send({
      revision: 1,
      to: 'individual',
    });
    expect(status.status).toBe(404);
    const list = await call(
      t,
      otherAdmin,
      'get',
      `/api/studio/dgca/assessments?institutionId=${world.institutionId}`,
    );
    expect(list.body.total).toBe(0);
    const create = await call(t, otherAdmin, 'post', '/api/studio/dgca/assessments').send({
      institutionId: world.institutionId,
      subject: 'country',
      title: 'Not mine',
      versionId: world.version.versionId,
    });
    expect(create.status).toBe(403);
    const learner = await signedInPerson(t, 'dgca-nobody');
    expect((await call(t, learner, 'get', path(created.id))).status).toBe(403);
  });

  it('walks the status machine: no round without participants, reopening, nothing after completion', async () => {
    const created = await createAssessment(t, world);
    const empty = await call(t, world.admin, 'post', path(created.id, '/status')).send({
      revision: 1,
      to: 'individual',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('no-participants');
    const skip = await call(t, world.admin, 'post', path(created.id, '/status')).send({
      revision: 1,
      to: 'completed',
    });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('invalid-transition');

    const person = await signedInPerson(t, 'dgca-rater');
    expect(await addPeople(t, world, created.id, [person.email])).toEqual([
      { email: person.email.toLowerCase(), outcome: 'added' },
    ]);
    const renamed = await call(t, world.admin, 'patch', path(created.id)).send({
      revision: 1,
      title: unique('Renamed'),
    });
    expect(renamed.body.revision).toBe(2);
    const stale = await call(t, world.admin, 'post', path(created.id, '/status')).send({
      revision: 1,
      to: 'individual',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-version');
    expect(stale.body.current).toMatchObject({ revision: 2, status: 'draft' });

    const individual = await moveTo(t, world, created.id, 'individual');
    expect(individual.status).toBe('individual');
    expect(individual.individualOpenedAt).not.toBeNull();
    const consensus = await moveTo(t, world, created.id, 'consensus');
    expect(consensus.consensusOpenedAt).not.toBeNull();
    expect((await moveTo(t, world, created.id, 'individual')).status).toBe('individual');
    await moveTo(t, world, created.id, 'consensus');
    const completed = await moveTo(t, world, created.id, 'completed');
    expect(completed.completedAt).not.toBeNull();

    const again = await call(t, world.admin, 'post', path(created.id, '/status')).send({
      revision: completed.revision,
      to: 'consensus',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('assessment-completed');
    const retitle = await call(t, world.admin, 'patch', path(created.id)).send({
      revision: completed.revision,
      title: 'New',
    });
    expect(retitle.status).toBe(409);
    expect(retitle.body.code).toBe('assessment-completed');
    const optIn = await call(t, world.admin, 'patch', path(created.id)).send({
      revision: completed.revision,
      regionalOptIn: true,
    });
    expect(optIn.status).toBe(200);
    expect(optIn.body.regionalOptIn).toBe(true);
    const add = await call(t, world.admin, 'post', path(created.id, '/participants')).send({
      people: [{ email: `${unique('late')}@example.org` }],
    });
    expect(add.status).toBe(409);
    expect(add.body.code).toBe('assessment-completed');
    const deleted = await call(
      t,
      world.admin,
      'delete',
      path(created.id, `?revision=${optIn.body.revision}`),
    );
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe('not-draft');

    const actions = (await auditActions(t, created.id)).filter(
      (row) => row.action === 'dgca_assessment.status_changed',
    );
    expect(actions.map((row) => `${row.details.from}→${row.details.to}`)).toEqual([
      'draft→individual',
      'individual→consensus',
      'consensus→individual',
      'individual→consensus',
      'consensus→completed',
    ]);
  });

  it('takes a completed assessment of the same subject and country as the previous one', async () => {
    const first = await createAssessment(t, world);
    const person = await signedInPerson(t, 'dgca-prev');
    await addPeople(t, world, first.id, [person.email]);
    for (const to of ['individual', 'consensus', 'completed']) await moveTo(t, world, first.id, to);
    const second = await createAssessment(t, world, { previousAssessmentId: first.id });
    expect(second.previous).toMatchObject({ id: first.id, title: first.title });
    const other = await createAssessment(t, world, { country: 'GY' });
    const refused = await call(t, world.admin, 'patch', path(other.id)).send({
      revision: 1,
      previousAssessmentId: first.id,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('invalid-previous');
    // Even a platform admin, who manages both, may not compare with another institution's: its
    // scores would show in results this institution's admins read.
    const elsewhere = await dgcaWorld(t, 'dgca-prev-elsewhere');
    await t.app.get(SeedService).run();
    const platform = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    const across = await call(t, platform, 'post', '/api/studio/dgca/assessments').send({
      institutionId: elsewhere.institutionId,
      subject: 'country',
      country: 'LC',
      title: unique('Across institutions'),
      versionId: world.version.versionId,
      previousAssessmentId: first.id,
    });
    expect(across.status).toBe(422);
    expect(across.body).toMatchObject({ code: 'invalid-previous' });
    expect(JSON.stringify(across.body.errors)).toContain('another institution');
  });

  it('mails every participant in their language when the round opens, and someone added while it is open', async () => {
    const created = await createAssessment(t, world, { individualDueOn: '2026-03-20' });
    const first = await signedInPerson(t, 'dgca-mail-es');
    await db.query(`UPDATE user_account SET preferred_language = 'es' WHERE id = $1`, [first.userId]);
    await addPeople(t, world, created.id, [first.email]);
    expect(await mails(first.email)).toEqual([]);
    await moveTo(t, world, created.id, 'individual');
    const [opened] = await mails(first.email);
    expect(opened).toMatchObject({ template: 'dgcaRoundOpened', language: 'es' });
    expect(opened!.subject).toContain(created.title as string);
    expect(opened!.text).toContain(`/assessments/${created.id}`);
    expect(opened!.text).toContain('2026');

    const late = await signedInPerson(t, 'dgca-mail-late');
    await addPeople(t, world, created.id, [late.email]);
    expect((await mails(late.email)).map((mail) => mail.template)).toEqual(['dgcaRoundOpened']);
  });

  it('invites people without an account; accepting makes them a participant, and the invitee goes', async () => {
    const created = await createAssessment(t, world);
    const email = `${unique('dgca-invitee')}@example.org`;
    const add = await call(t, world.admin, 'post', path(created.id, '/participants')).send({
      people: [{ email, displayName: 'Marie Joseph' }, { email: email.toUpperCase() }],
      language: 'fr',
    });
    expect(add.status).toBe(200);
    expect(add.body.results).toEqual([{ email: email.toLowerCase(), outcome: 'invited' }]);
    const again = await addPeople(t, world, created.id, [email]);
    expect(again).toEqual([{ email: email.toLowerCase(), outcome: 'already' }]);

    const people = await call(t, world.admin, 'get', path(created.id, '/participants'));
    expect(people.body.participants).toEqual([]);
    expect(people.body.invitees).toEqual([
      expect.objectContaining({ email: email.toLowerCase(), displayName: 'Marie Joseph', status: 'pending' }),
    ]);
    const [invitation] = await mails(email);
    expect(invitation).toMatchObject({ template: 'invitation', language: 'fr' });
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec(invitation!.text)![1]!;
    const preview = await t.http.get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(JSON.stringify(preview.body)).toContain('Marie Joseph');
    const accepted = await t.http
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Marie Joseph', password: 'a very good password 2026' });
    expect(accepted.status).toBe(200);
    const userId = accepted.body.user.id as string;
    const after = await call(t, world.admin, 'get', path(created.id, '/participants'));
    expect(after.body.invitees).toEqual([]);
    expect(after.body.participants).toEqual([
      expect.objectContaining({
        userId,
        displayName: 'Marie Joseph',
        answered: 0,
        total: 4,
        submittedAt: null,
      }),
    ]);
  });

  it('keeps the place when the institution invites the invitee again, and drops it when it revokes the invitation', async () => {
    const created = await createAssessment(t, world);
    const email = `${unique('dgca-reinvited')}@example.org`;
    await addPeople(t, world, created.id, [email]);
    const again = await call(
      t,
      world.admin,
      'post',
      `/api/institutions/${world.institutionId}/invitations`,
    ).send({
      email,
      role: 'trainer',
      language: 'en',
    });
    expect(again.status).toBe(201);
    const people = await call(t, world.admin, 'get', path(created.id, '/participants'));
    expect(people.body.invitees).toEqual([expect.objectContaining({ email, invitationId: again.body.id })]);
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec((await mails(email)).at(-1)!.text)![1]!;
    const accepted = await t.http
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Reinvited Person', password: 'a very good password 2026' });
    expect(accepted.status).toBe(200);
    const after = await call(t, world.admin, 'get', path(created.id, '/participants'));
    expect(after.body.participants).toEqual([expect.objectContaining({ userId: accepted.body.user.id })]);

    const revokedEmail = `${unique('dgca-revoked')}@example.org`;
    await addPeople(t, world, created.id, [revokedEmail]);
    const { invitees } = (await call(t, world.admin, 'get', path(created.id, '/participants'))).body as {
      invitees: { invitationId: string }[];
    };
    const revoked = await call(
      t,
      world.admin,
      'delete',
      `/api/institutions/${world.institutionId}/invitations/${invitees[0]!.invitationId}`,
    );
    expect(revoked.status).toBe(204);
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM dgca_invitee WHERE assessment_id = $1`, [
      created.id,
    ])) as { n: number }[];
    expect(row!.n).toBe(0);
  });

  it("lists assessments by status, in pages, and platform admins see every institution's", async () => {
    await createAssessment(t, world);
    const mineDraft = await createAssessment(t, world, { title: unique('Listed draft') });
    const listed = await call(
      t,
      world.admin,
      'get',
      `/api/studio/dgca/assessments?status=draft&institutionId=${world.institutionId}&pageSize=1`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.total).toBeGreaterThanOrEqual(2);
    expect(listed.body.items[0].status).toBe('draft');
    const none = await call(
      t,
      world.admin,
      'get',
      `/api/studio/dgca/assessments?status=completed&q=${encodeURIComponent(mineDraft.title as string)}`,
    );
    expect(none.body.total).toBe(0);
    await t.app.get(SeedService).run();
    const platform = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    const all = await call(
      t,
      platform,
      'get',
      `/api/studio/dgca/assessments?q=${encodeURIComponent(mineDraft.title as string)}`,
    );
    expect(all.body.items.map((item: { id: string }) => item.id)).toEqual([mineDraft.id]);
  });

  it('withdraws an invitee, and removes participants until the consensus round (their ratings go)', async () => {
    const created = await createAssessment(t, world);
    const email = `${unique('dgca-withdrawn')}@example.org`;
    await addPeople(t, world, created.id, [email]);
    const { invitees } = (await call(t, world.admin, 'get', path(created.id, '/participants'))).body as {
      invitees: { invitationId: string }[];
    };
    const invitationId = invitees[0]!.invitationId;
    expect((await call(t, otherAdmin, 'delete', path(created.id, `/invitees/${invitationId}`))).status).toBe(
      404,
    );
    expect((await call(t, world.admin, 'delete', path(created.id, `/invitees/${invitationId}`))).status).toBe(
      204,
    );
    const gone = await call(t, world.admin, 'delete', path(created.id, `/invitees/${invitationId}`));
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('invitee-not-found');

    const stays = await signedInPerson(t, 'dgca-stays');
    const leaves = await signedInPerson(t, 'dgca-leaves');
    await addPeople(t, world, created.id, [stays.email, leaves.email]);
    await moveTo(t, world, created.id, 'individual');
    const rated = await call(
      t,
      leaves,
      'put',
      `/api/me/assessments/${created.id}/ratings/${world.version.statementIds[0]}`,
    ).send({ value: 2 });
    expect(rated.status).toBe(200);
    const { participants } = (await call(t, world.admin, 'get', path(created.id, '/participants'))).body as {
      participants: { id: string; userId: string }[];
    };
    const leaving = participants.find((row) => row.userId === leaves.userId)!;
    expect(
      (await call(t, world.admin, 'delete', path(created.id, `/participants/${leaving.id}`))).status,
    ).toBe(204);
    const [count] = (await db.query(`SELECT count(*)::int AS n FROM dgca_rating WHERE participant_id = $1`, [
      leaving.id,
    ])) as { n: number }[];
    expect(count!.n).toBe(0);
    expect((await call(t, leaves, 'get', `/api/me/assessments/${created.id}`)).status).toBe(404);

    await moveTo(t, world, created.id, 'consensus');
    const staying = participants.find((row) => row.userId === stays.userId)!;
    const closed = await call(t, world.admin, 'delete', path(created.id, `/participants/${staying.id}`));
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('round-closed');
  });

  it('deletes drafts only, with the current revision', async () => {
    const created = await createAssessment(t, world);
    const stale = await call(t, world.admin, 'delete', path(created.id, '?revision=7'));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-version');
    expect((await call(t, otherAdmin, 'delete', path(created.id, '?revision=1'))).status).toBe(404);
    expect((await call(t, world.admin, 'delete', path(created.id, '?revision=1'))).status).toBe(204);
    expect((await call(t, world.admin, 'get', path(created.id))).status).toBe(404);
    expect((await auditActions(t, created.id)).map((row) => row.action)).toContain('dgca_assessment.deleted');
  });

  it('answers 400 naming the field for malformed input', async () => {
    const bad = await call(t, world.admin, 'post', '/api/studio/dgca/assessments').send({
      institutionId: world.institutionId,
      subject: 'planet',
      title: '',
      versionId: 'nope',
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['subject', 'title', 'versionId']));
    expect((await call(t, world.admin, 'get', path('not-a-uuid'))).status).toBe(400);
    const created = await createAssessment(t, world);
    for (const body of [{ title: null }, { regionalOptIn: null }]) {
      const res = await call(t, world.admin, 'patch', path(created.id)).send({ revision: 1, ...body });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(Object.keys(body)[0]);
    }
  });

  it('seeds the Saint Lucia demo assessment once, in its individual round, with the demo learner taking part', async () => {
    await t.app.get(SeedService).run();
    await t.app.get(SeedService).run();
    const rows = (await db.query(
      `SELECT a.id, a.status, a.country, a.subject, i.slug FROM dgca_assessment a JOIN institution i ON i.id = a.institution_id
        WHERE a.title = $1`,
      [DEMO_ASSESSMENT_TITLE],
    )) as { id: string; status: string; country: string; subject: string; slug: string }[];
    expect(rows).toEqual([
      expect.objectContaining({
        status: 'individual',
        country: 'LC',
        subject: 'country',
        slug: 'lc-public-service-training',
      }),
    ]);
    const learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const view = await call(t, learner, 'get', `/api/me/assessments/${rows[0]!.id}`);
    expect(view.status).toBe(200);
    expect(view.body.dimensions.map((dimension: { key: string }) => dimension.key)).toEqual([
      'leadership',
      'strategy',
      'governance',
      'legal-framework',
      'technology',
      'workforce-development',
    ]);
    expect(view.body.scale).toHaveLength(5);
  });
});

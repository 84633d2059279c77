import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { auditActions, createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import {
  addMember,
  cohortCourse,
  cohortWithCourse,
  cohortWorld,
  createCohort,
  enrolmentsOf,
  type CohortWorld,
} from './cohort-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('cohort members: add, invite, accept, remove, move', () => {
  let t: TestApp;
  let db: DataSource;
  let world: CohortWorld;
  let otherAdmin: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await cohortWorld(t);
    const other = await createInstitutionWithAdmin(t, 'members');
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
  });
  afterAll(() => t.close());

  const at = (offsetSeconds = 0) => new Date(Date.now() + offsetSeconds * 1000).toISOString();
  const mails = async (to: string) =>
    (await db.query(
      `SELECT subject, text_body AS text, language, template FROM mail_message
        WHERE lower(recipient) = lower($1) ORDER BY created_at, id`,
      [to],
    )) as { subject: string; text: string; language: string; template: string }[];
  const members = async (cohortId: string, query = '') =>
    (await call(t, world.institutionAdmin, 'get', `/api/studio/cohorts/${cohortId}/members${query}`))
      .body as {
      items: {
        kind: string;
        userId: string | null;
        invitationId: string | null;
        displayName: string;
        email: string;
        source: string;
      }[];
      total: number;
    };
  const membership = async (userId: string) =>
    (
      (await db.query(`SELECT role FROM membership WHERE user_id = $1 AND institution_id = $2`, [
        userId,
        world.institutionId,
      ])) as { role: string }[]
    )[0]?.role;

  it('enrols someone with an account in every course, makes them a learner there, and tells them in their language', async () => {
    const person = await createPerson(t, undefined, 'existing');
    await db.query(`UPDATE user_account SET preferred_language = 'es' WHERE id = $1`, [person.id]);
    const { cohort, course } = await cohortWithCourse(t, world);
    const second = await cohortCourse(t, world);
    const two = await call(t, world.institutionAdmin, 'patch', `/api/studio/cohorts/${cohort.id}`).send({
      version: cohort.version,
      courseIds: [course.id, second.id],
    });
    expect(two.status).toBe(200);

    expect(await addMember(t, world, cohort.id, { email: person.email.toUpperCase() })).toBe('enrolled');
    expect(await enrolmentsOf(t, person.id, [course.id, second.id])).toEqual(
      [course.id, second.id].sort().map((courseId) => ({ courseId, source: 'cohort' })),
    );
    expect(await membership(person.id)).toBe('learner');
    const [mail] = await mails(person.email);
    expect(mail).toMatchObject({ template: 'cohortEnrolled', language: 'es' });
    expect(mail!.subject).toContain(cohort.name);
    expect(mail!.text).toContain('/learning');

    expect(await addMember(t, world, cohort.id, { email: person.email })).toBe('already_member');
    expect(await mails(person.email)).toHaveLength(1);
    const list = await members(cohort.id);
    expect(list.items).toEqual([
      expect.objectContaining({ kind: 'member', userId: person.id, email: person.email, source: 'manual' }),
    ]);
    expect((await auditActions(t, person.id)).map((e) => e.action)).toContain('cohort_member.added');
  });

  it('takes someone who leaves the institution out of its cohorts, keeping their enrolments', async () => {
    const person = await createPerson(t, undefined, 'leaving');
    const { cohort, course } = await cohortWithCourse(t, world);
    expect(await addMember(t, world, cohort.id, { email: person.email })).toBe('enrolled');
    const left = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/institutions/${world.institutionId}/members/${person.id}`,
    );
    expect(left.status).toBe(204);
    expect((await members(cohort.id)).items).toEqual([]);
    const progress = await call(
      t,
      world.institutionAdmin,
      'get',
      `/api/studio/cohorts/${cohort.id}/progress`,
    );
    expect(progress.body.summary.members).toBe(0);
    expect(await enrolmentsOf(t, person.id, [course.id])).toEqual([
      { courseId: course.id, source: 'cohort' },
    ]);
  });

  it('keeps a role the person already holds in the institution', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    expect(await addMember(t, world, cohort.id, { email: world.trainer.email })).toBe('enrolled');
    expect(await membership(world.trainer.userId)).toBe('trainer');
  });

  it('invites someone without an account in their language; adding again changes nothing', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const email = `${unique('newcomer')}@example.org`;
    expect(
      await addMember(t, world, cohort.id, {
        email,
        givenName: 'Marie',
        familyName: 'Joseph',
        language: 'fr',
      }),
    ).toBe('invited');
    const sent = await mails(email);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: 'invitation', language: 'fr' });
    expect(sent[0]!.text).toContain('Marie');
    expect(sent[0]!.text).toContain('/invitations/accept?token=');

    expect(await addMember(t, world, cohort.id, { email })).toBe('already_invited');
    expect(await mails(email)).toHaveLength(1);
    const list = await members(cohort.id, '?status=invited');
    expect(list.items).toEqual([
      expect.objectContaining({
        kind: 'invited',
        userId: null,
        displayName: 'Marie Joseph',
        email,
        source: 'manual',
      }),
    ]);
    expect(
      (await call(t, world.institutionAdmin, 'get', `/api/studio/cohorts/${cohort.id}`)).body.inviteeCount,
    ).toBe(1);

    // Another cohort of the institution reuses the invitation that is still open: one link, both cohorts.
    const { cohort: other } = await cohortWithCourse(t, world);
    expect(await addMember(t, world, other.id, { email })).toBe('invited');
    expect(await mails(email)).toHaveLength(1);
  });

  it('enrols someone invited who has made an account since, in place of the invitation', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const email = `${unique('signed-up-meanwhile')}@example.org`;
    expect(await addMember(t, world, cohort.id, { email })).toBe('invited');
    const { id } = await t.app.get(AccountsService).ensure({
      email,
      displayName: 'Signed up meanwhile',
      password: 'a long enough test password 42',
      preferredLanguage: 'en',
    });
    expect(await addMember(t, world, cohort.id, { email })).toBe('enrolled');
    expect((await members(cohort.id)).items).toEqual([
      expect.objectContaining({ kind: 'member', userId: id }),
    ]);
  });

  it('makes the invitee a member, enrolled, when they accept through the invitation link', async () => {
    const { cohort, course } = await cohortWithCourse(t, world);
    const { cohort: second, course: secondCourse } = await cohortWithCourse(t, world);
    const email = `${unique('accepts')}@example.org`;
    expect(
      await addMember(t, world, cohort.id, {
        email,
        givenName: 'Kofi',
        familyName: 'Baptiste',
        language: 'en',
      }),
    ).toBe('invited');
    expect(await addMember(t, world, second.id, { email })).toBe('invited');
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec((await mails(email))[0]!.text)![1]!;

    const preview = await t.http.get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      accountExists: false,
      suggestedDisplayName: 'Kofi Baptiste',
      role: 'learner',
    });

    const accepted = await t.http
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Kofi Baptiste', password: 'a very good password 2026' });
    expect(accepted.status).toBe(200);
    const userId = accepted.body.user.id as string;
    expect(await enrolmentsOf(t, userId, [course.id, secondCourse.id])).toEqual(
      [course.id, secondCourse.id].sort().map((courseId) => ({ courseId, source: 'cohort' })),
    );
    expect(await membership(userId)).toBe('learner');
    for (const id of [cohort.id, second.id]) {
      const list = await members(id);
      expect(list.items).toEqual([expect.objectContaining({ kind: 'member', userId, source: 'invitation' })]);
    }
    const audit = await auditActions(t, userId);
    expect(audit.filter((e) => e.action === 'cohort_member.added')).toHaveLength(2);
  });

  it('keeps the cohort when the institution invites the invitee again, as a trainer: accepting the new link joins it', async () => {
    const { cohort, course } = await cohortWithCourse(t, world);
    const email = `${unique('reinvited')}@example.org`;
    expect(await addMember(t, world, cohort.id, { email, givenName: 'Marie', familyName: 'Joseph' })).toBe(
      'invited',
    );
    const again = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/institutions/${world.institutionId}/invitations`,
    ).send({ email, role: 'trainer', language: 'en' });
    expect(again.status).toBe(201);
    expect((await members(cohort.id, '?status=invited')).items).toEqual([
      expect.objectContaining({ kind: 'invited', email, invitationId: again.body.id }),
    ]);

    const token = /\/invitations\/accept\?token=([\w-]+)/.exec((await mails(email)).at(-1)!.text)![1]!;
    const accepted = await t.http
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Marie Joseph', password: 'a very good password 2026' });
    expect(accepted.status).toBe(200);
    const userId = accepted.body.user.id as string;
    expect(await membership(userId)).toBe('trainer');
    expect((await members(cohort.id)).items).toEqual([
      expect.objectContaining({ kind: 'member', userId, source: 'invitation' }),
    ]);
    expect(await enrolmentsOf(t, userId, [course.id])).toEqual([{ courseId: course.id, source: 'cohort' }]);
  });

  it("forgets the cohort place, and the facts given for it, when the institution revokes the person's invitation", async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const email = `${unique('revoked-invitee')}@example.org`;
    expect(await addMember(t, world, cohort.id, { email, givenName: 'Ana' })).toBe('invited');
    const [invitee] = (await db.query(`SELECT invitation_id AS id FROM cohort_invitee WHERE cohort_id = $1`, [
      cohort.id,
    ])) as { id: string }[];
    const revoked = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/institutions/${world.institutionId}/invitations/${invitee!.id}`,
    );
    expect(revoked.status).toBe(204);
    const [left] = (await db.query(`SELECT count(*)::int AS n FROM cohort_invitee WHERE invitation_id = $1`, [
      invitee!.id,
    ])) as { n: number }[];
    expect(left!.n).toBe(0);
  });

  it('gives the new account the facts the institution gave, through enrolPeople (as an import would)', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const { CohortEnrolmentService } = await import('../src/cohorts/cohort-enrolment.service.js');
    const enrolment = t.app.get(CohortEnrolmentService);
    const email = `${unique('imported')}@example.org`;
    const admin = world.institutionAdmin;
    const person = {
      email: email.toUpperCase(),
      givenName: 'Ana',
      familyName: 'Pérez',
      country: 'lc',
      department: 'Ministry of Finance',
      jobTitle: 'Procurement officer',
      language: 'es',
      reporting: { sex: 'female', ageBand: '25_34', disability: 'no', islandRegion: 'Castries' },
    };
    const actor = { id: admin.userId, email: admin.email, displayName: 'Institution admin' };
    const result = await db.transaction((tx) =>
      enrolment.enrolPeople(cohort.id, [person, person], actor, tx),
    );
    expect(result.counts).toEqual({ enrolled: 0, invited: 1, alreadyMember: 0, alreadyInvited: 0 });
    expect(result.outcomes).toEqual([expect.objectContaining({ email, outcome: 'invited' })]);
    await enrolment.sendAfterCommit(result);
    const again = await db.transaction((tx) => enrolment.enrolPeople(cohort.id, [person], actor, tx));
    expect(again.counts).toEqual({ enrolled: 0, invited: 0, alreadyMember: 0, alreadyInvited: 1 });
    expect(again.mails).toEqual([]);

    const [mail] = await mails(email);
    expect(mail).toMatchObject({ language: 'es' });
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec(mail!.text)![1]!;
    const accepted = await t.http
      .post('/api/invitations/accept')
      .send({ token, displayName: 'Ana Pérez', password: 'a very good password 2026' });
    expect(accepted.status).toBe(200);
    const [account] = (await db.query(
      `SELECT country, department, job_title AS "jobTitle", preferred_language AS language FROM user_account WHERE id = $1`,
      [accepted.body.user.id],
    )) as object[];
    expect(account).toEqual({
      country: 'LC',
      department: 'Ministry of Finance',
      jobTitle: 'Procurement officer',
      language: 'es',
    });
    const [reporting] = (await db.query(
      `SELECT sex, age_band AS "ageBand", disability, island_region AS "islandRegion" FROM reporting_profile WHERE user_id = $1`,
      [accepted.body.user.id],
    )) as object[];
    expect(reporting).toEqual(person.reporting);
    const imported = await members(cohort.id);
    expect(imported.items[0]).toMatchObject({
      kind: 'member',
      source: 'invitation',
      displayName: 'Ana Pérez',
    });
  });

  it('removes a member, who keeps their enrolments and progress', async () => {
    const { cohort, course } = await cohortWithCourse(t, world);
    const person = await createPerson(t, undefined, 'leaver');
    const session = await signIn(t, person.email, person.password);
    await addMember(t, world, cohort.id, { email: person.email });
    const done = await call(
      t,
      session,
      'put',
      `/api/me/learning/${course.slug}/activities/${course.activityIds[0]}/progress`,
    ).send({ at: at(), completed: true });
    expect(done.status).toBe(200);

    const removed = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/studio/cohorts/${cohort.id}/members/${person.id}`,
    );
    expect(removed.status).toBe(204);
    expect((await members(cohort.id)).total).toBe(0);
    expect(await enrolmentsOf(t, person.id, [course.id])).toHaveLength(1);
    const mine = await call(t, session, 'get', `/api/me/learning/${course.slug}`);
    expect(mine.body.progress.completed).toBe(1);
    const again = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/studio/cohorts/${cohort.id}/members/${person.id}`,
    );
    expect(again.status).toBe(404);
    expect((await auditActions(t, person.id)).map((e) => e.action)).toContain('cohort_member.removed');
  });

  it('moves a member to another cohort: progress kept, enrolled in the target courses', async () => {
    const { cohort, course } = await cohortWithCourse(t, world);
    const { cohort: target, course: targetCourse } = await cohortWithCourse(t, world);
    const person = await createPerson(t, undefined, 'mover');
    const session = await signIn(t, person.email, person.password);
    await addMember(t, world, cohort.id, { email: person.email });
    await call(
      t,
      session,
      'put',
      `/api/me/learning/${course.slug}/activities/${course.activityIds[0]}/progress`,
    ).send({
      at: at(),
      completed: true,
    });

    const moved = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohort.id}/members/${person.id}/move`,
    ).send({ toCohortId: target.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ cohortId: target.id, enrolmentsCreated: 1 });
    expect((await members(cohort.id)).total).toBe(0);
    expect((await members(target.id)).items).toEqual([
      expect.objectContaining({ userId: person.id, source: 'move' }),
    ]);
    expect(await enrolmentsOf(t, person.id, [course.id, targetCourse.id])).toHaveLength(2);
    const kept = await call(t, session, 'get', `/api/me/learning/${course.slug}`);
    expect(kept.body.progress.completed).toBe(1);
    expect((await auditActions(t, person.id)).map((e) => e.action)).toContain('cohort_member.moved');

    // Only to open cohorts of the same institution.
    const closedTarget = await createCohort(t, world);
    await call(t, world.institutionAdmin, 'post', `/api/studio/cohorts/${closedTarget.id}/close`);
    const toClosed = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${target.id}/members/${person.id}/move`,
    ).send({ toCohortId: closedTarget.id });
    expect(toClosed.status).toBe(409);
    expect(toClosed.body.code).toBe('cohort-closed');
    const foreign = await createCohort(
      t,
      { ...world, institutionId: (await createInstitutionWithAdmin(t, 'move')).institutionId },
      {},
      world.platformAdmin,
    );
    const toForeign = await call(
      t,
      world.platformAdmin,
      'post',
      `/api/studio/cohorts/${target.id}/members/${person.id}/move`,
    ).send({ toCohortId: foreign.id });
    expect(toForeign.status).toBe(422);
    expect(toForeign.body.detail).toContain('another institution');

    // The same cohort written in capitals is still the same cohort: nothing moves.
    const toItself = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${target.id}/members/${person.id}/move`,
    ).send({ toCohortId: target.id.toUpperCase() });
    expect(toItself.status).toBe(422);
    expect((await members(target.id)).items).toEqual([
      expect.objectContaining({ userId: person.id, source: 'move' }),
    ]);
    expect((await auditActions(t, person.id)).filter((e) => e.action === 'cohort_member.moved')).toHaveLength(
      1,
    );
  });

  it('withdraws an invitation to the cohort', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const email = `${unique('withdrawn')}@example.org`;
    await addMember(t, world, cohort.id, { email });
    const [invited] = (await members(cohort.id, '?status=invited')).items;
    const res = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/studio/cohorts/${cohort.id}/invitees/${invited!.invitationId}`,
    );
    expect(res.status).toBe(204);
    expect((await members(cohort.id)).total).toBe(0);
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec((await mails(email))[0]!.text)![1]!;
    expect((await t.http.get(`/api/invitations/${token}`)).body.reason).toBe('revoked');
    expect((await auditActions(t, invited!.invitationId!)).map((e) => e.action)).toContain(
      'cohort_invitee.revoked',
    );
    const again = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/studio/cohorts/${cohort.id}/invitees/${invited!.invitationId}`,
    );
    expect(again.status).toBe(404);
  });

  it('withdrawing someone from a cohort keeps the trainer invitation the institution had sent them', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const email = `${unique('future-trainer')}@example.org`;
    const invitation = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/institutions/${world.institutionId}/invitations`,
    ).send({ email, role: 'trainer', language: 'en' });
    expect(invitation.status).toBe(201);
    expect(await addMember(t, world, cohort.id, { email })).toBe('invited');
    const withdrawn = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/studio/cohorts/${cohort.id}/invitees/${invitation.body.id}`,
    );
    expect(withdrawn.status).toBe(204);
    expect((await members(cohort.id)).total).toBe(0);
    const token = /\/invitations\/accept\?token=([\w-]+)/.exec((await mails(email))[0]!.text)![1]!;
    const preview = await t.http.get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.role).toBe('trainer');
  });

  it('refuses an address no invitation can be sent to (a quoted part with a space), naming the field', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const res = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohort.id}/members`,
    ).send({
      email: '"Ana Tuilagi"@example.org',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('refuses a NUL in the name given for someone invited, naming the field', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const res = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohort.id}/members`,
    ).send({
      email: `${unique('nul')}@example.org`,
      givenName: 'Ana\u0000',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'givenName' })]);
  });

  it("hides another institution's cohort from its members routes", async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const add = await call(t, otherAdmin, 'post', `/api/studio/cohorts/${cohort.id}/members`).send({
      email: world.learner.email,
    });
    expect(add.status).toBe(404);
    expect((await call(t, otherAdmin, 'get', `/api/studio/cohorts/${cohort.id}/members`)).status).toBe(404);
    const learnerCall = await call(t, world.learner, 'get', `/api/studio/cohorts/${cohort.id}/members`);
    expect(learnerCall.status).toBe(403);
  });
});

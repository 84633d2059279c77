import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
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
import { createCourse, publishedCourse } from './course-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('cohorts: create, read, edit, close', () => {
  let t: TestApp;
  let db: DataSource;
  let world: CohortWorld;
  let otherAdmin: TestSession;
  let otherInstitutionId: string;
  let outsiderTrainer: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await cohortWorld(t);
    const other = await createInstitutionWithAdmin(t, 'cohorts');
    otherInstitutionId = other.institutionId;
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
    const trainer = await createPerson(
      t,
      { institutionId: world.institutionId, role: InstitutionRole.Trainer },
      'not-facilitator',
    );
    outsiderTrainer = await signIn(t, trainer.email, trainer.password);
  });
  afterAll(() => t.close());

  const get = (session: TestSession, id: string) => call(t, session, 'get', `/api/studio/cohorts/${id}`);
  const patch = (session: TestSession, id: string, body: object) =>
    call(t, session, 'patch', `/api/studio/cohorts/${id}`).send(body);

  it('creates a cohort with its courses, facilitators and dates, audited', async () => {
    const course = await cohortCourse(t, world);
    const res = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: '  Procurement officers, spring 2026 ',
      description: 'Ministry of Finance staff',
      startsOn: '2026-02-02',
      endsOn: '2026-04-30',
      enrolmentOpensAt: '2026-01-01T00:00:00Z',
      enrolmentClosesAt: '2099-02-15T00:00:00Z',
      courseIds: [course.id],
      facilitatorIds: [world.trainer.userId],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      institution: { id: world.institutionId },
      name: 'Procurement officers, spring 2026',
      description: 'Ministry of Finance staff',
      startsOn: '2026-02-02',
      endsOn: '2026-04-30',
      enrolmentOpensAt: '2026-01-01T00:00:00.000Z',
      enrolmentClosesAt: '2099-02-15T00:00:00.000Z',
      status: 'open',
      closedAt: null,
      version: 1,
      facilitators: [{ id: world.trainer.userId, email: world.trainer.email }],
      deadlines: [],
      memberCount: 0,
      inviteeCount: 0,
      canManage: true,
    });
    expect(res.body.courses).toEqual([
      {
        id: course.id,
        slug: course.slug,
        title: expect.any(String),
        modules: [
          { id: course.moduleIds[0], title: 'Module 1', position: 0 },
          { id: course.moduleIds[1], title: 'Module 2', position: 1 },
        ],
      },
    ]);
    expect((await auditActions(t, res.body.id)).map((e) => e.action)).toEqual(['cohort.created']);

    const twice = await call(t, world.platformAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: 'PROCUREMENT officers, spring 2026',
      courseIds: [],
      facilitatorIds: [],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('refuses courses and facilitators the cohort cannot take, naming them', async () => {
    const draft = await createCourse(t, world.trainer, world.institutionId, { title: 'Unfinished draft' });
    const res = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('refused'),
      courseIds: [draft.id],
      facilitatorIds: [],
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('"Unfinished draft" is not published');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'courseIds.0' })]);

    // Another institution's course reserved for its own cohorts, and one anyone may join.
    const otherAuthor = await createPerson(t, {
      institutionId: otherInstitutionId,
      role: InstitutionRole.Trainer,
    });
    const otherSession = await signIn(t, otherAuthor.email, otherAuthor.password);
    const reserved = await publishedCourse(t, otherSession, otherInstitutionId, {
      modules: 1,
      lessons: 1,
      fields: { title: 'Their cohort-only course', enrolmentMode: 'cohort' },
    });
    const open = await publishedCourse(t, otherSession, otherInstitutionId, {
      modules: 1,
      lessons: 1,
      fields: { title: 'Their open course', enrolmentMode: 'open' },
    });
    const mixed = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('mixed'),
      courseIds: [open.id, reserved.id],
      facilitatorIds: [],
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.detail).toContain('"Their cohort-only course" is reserved');
    expect(mixed.body.detail).not.toContain('Their open course');
    const accepted = await createCohort(t, world, { courseIds: [open.id] });
    expect(accepted.courses.map((c) => c.id)).toEqual([open.id]);

    const learnerFacilitator = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('facilitator'),
      courseIds: [],
      facilitatorIds: [world.learner.userId],
    });
    expect(learnerFacilitator.status).toBe(422);
    expect(learnerFacilitator.body.errors).toEqual([expect.objectContaining({ field: 'facilitatorIds.0' })]);

    // Someone of another institution, and another institution's draft, are refused without naming them.
    const stranger = await createPerson(
      t,
      { institutionId: otherInstitutionId, role: InstitutionRole.Trainer },
      'Stranger',
    );
    const theirDraft = await createCourse(t, otherSession, otherInstitutionId, {
      title: 'Their secret draft',
    });
    const strangers = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('strangers'),
      courseIds: [theirDraft.id],
      facilitatorIds: [],
    });
    expect(strangers.status).toBe(422);
    expect(strangers.body.detail).not.toContain('Their secret draft');
    expect(strangers.body.detail).toContain(theirDraft.id);
    const strangerFacilitator = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('strangers'),
      courseIds: [],
      facilitatorIds: [stranger.id],
    });
    expect(strangerFacilitator.status).toBe(422);
    expect(strangerFacilitator.body.detail).not.toContain('Test Stranger');
    expect(strangerFacilitator.body.detail).toContain(stranger.id);

    const backwards = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('dates'),
      startsOn: '2026-05-01',
      endsOn: '2026-04-01',
      courseIds: [],
      facilitatorIds: [],
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsOn' })]);
  });

  it("refuses to create in another institution, and hides cohorts from other institutions' admins", async () => {
    const foreign = await call(t, otherAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('foreign'),
      courseIds: [],
      facilitatorIds: [],
    });
    expect(foreign.status).toBe(403);
    const { cohort } = await cohortWithCourse(t, world);
    expect((await get(otherAdmin, cohort.id)).status).toBe(404);
    expect((await patch(otherAdmin, cohort.id, { version: 1, name: 'Mine now' })).status).toBe(404);
    expect((await call(t, otherAdmin, 'post', `/api/studio/cohorts/${cohort.id}/close`)).status).toBe(404);
    const list = await call(t, otherAdmin, 'get', '/api/studio/cohorts?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(cohort.id);
  });

  it('lets facilitators read their cohorts only, and never change them', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    expect((await get(outsiderTrainer, cohort.id)).status).toBe(404);
    const mine = await get(world.trainer, cohort.id);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: cohort.id, canManage: false });
    const change = await patch(world.trainer, cohort.id, { version: 1, name: 'Renamed by trainer' });
    expect(change.status).toBe(403);

    // Searched by name: the demo trainer facilitates the cohorts of every file sharing the database.
    const trainerList = await call(
      t,
      world.trainer,
      'get',
      `/api/studio/cohorts?pageSize=100&q=${encodeURIComponent(cohort.name)}`,
    );
    expect(trainerList.body.items.map((c: { id: string }) => c.id)).toContain(cohort.id);
    const outsiderList = await call(t, outsiderTrainer, 'get', '/api/studio/cohorts?pageSize=100');
    expect(outsiderList.body.items).toEqual([]);
  });

  it('hides a cohort from a facilitator who no longer trains in its institution, though they train elsewhere', async () => {
    const person = await createPerson(
      t,
      { institutionId: world.institutionId, role: InstitutionRole.Trainer },
      'former-trainer',
    );
    await db.query(`INSERT INTO membership (user_id, institution_id, role) VALUES ($1, $2, 'trainer')`, [
      person.id,
      otherInstitutionId,
    ]);
    const { cohort } = await cohortWithCourse(t, world, { facilitatorIds: [person.id] });
    const former = await signIn(t, person.email, person.password);
    expect((await get(former, cohort.id)).status).toBe(200);

    const removed = await call(
      t,
      world.institutionAdmin,
      'delete',
      `/api/institutions/${world.institutionId}/members/${person.id}`,
    );
    expect(removed.status).toBe(204);
    const again = await signIn(t, person.email, person.password);
    expect((await get(again, cohort.id)).status).toBe(404);
    expect((await call(t, again, 'get', `/api/studio/cohorts/${cohort.id}/members`)).status).toBe(404);
    expect((await call(t, again, 'get', `/api/studio/cohorts/${cohort.id}/progress`)).status).toBe(404);
    const list = await call(t, again, 'get', '/api/studio/cohorts?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(cohort.id);
  });

  it('lists with counts, filters by status and name', async () => {
    const name = unique('Listed cohort');
    const { cohort } = await cohortWithCourse(t, world, { name });
    await addMember(t, world, cohort.id, { email: world.learner.email });
    await addMember(t, world, cohort.id, { email: `${unique('nobody')}@example.org` });
    const res = await call(
      t,
      world.institutionAdmin,
      'get',
      `/api/studio/cohorts?q=${encodeURIComponent(name)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, page: 1 });
    expect(res.body.items[0]).toEqual({
      id: cohort.id,
      institution: { id: world.institutionId, name: expect.any(String) },
      name,
      startsOn: null,
      endsOn: null,
      status: 'open',
      courseCount: 1,
      memberCount: 1,
      inviteeCount: 1,
    });
    const closed = await call(
      t,
      world.platformAdmin,
      'get',
      `/api/studio/cohorts?status=closed&q=${encodeURIComponent(name)}`,
    );
    expect(closed.body.total).toBe(0);
  });

  it('refuses an enrolment window instant the calendar cannot hold (a signed year), naming the field', async () => {
    const created = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: unique('signed year'),
      enrolmentOpensAt: '+2026-01-01T00:00:00Z',
      courseIds: [],
      facilitatorIds: [],
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ field: 'enrolmentOpensAt' })]);

    const cohort = await createCohort(t, world);
    const changed = await patch(world.institutionAdmin, cohort.id, {
      version: cohort.version,
      enrolmentClosesAt: '+2026-01-01T00:00:00Z',
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([expect.objectContaining({ field: 'enrolmentClosesAt' })]);
  });

  it('refuses a NUL or another control character in names and descriptions, naming the field', async () => {
    const created = await call(t, world.institutionAdmin, 'post', '/api/studio/cohorts').send({
      institutionId: world.institutionId,
      name: 'Finance\u0000 officers',
      courseIds: [],
      facilitatorIds: [],
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    const cohort = await createCohort(t, world);
    const changed = await patch(world.institutionAdmin, cohort.id, {
      version: cohort.version,
      description: 'Two lines\nare fine, a NUL\u0000 is not',
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([expect.objectContaining({ field: 'description' })]);
    const lines = await patch(world.institutionAdmin, cohort.id, {
      version: cohort.version,
      description: 'Two lines\nare fine',
    });
    expect(lines.status).toBe(200);
  });

  it('edits with the version read; a stale version changes nothing', async () => {
    const { cohort, course } = await cohortWithCourse(t, world);
    const first = await patch(world.institutionAdmin, cohort.id, {
      version: 1,
      name: `${cohort.name} (renamed)`,
      endsOn: '2026-06-30',
      deadlines: [{ courseId: course.id, moduleId: course.moduleIds[0], dueOn: '2026-03-15' }],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      name: `${cohort.name} (renamed)`,
      endsOn: '2026-06-30',
      version: 2,
      deadlines: [{ courseId: course.id, moduleId: course.moduleIds[0], dueOn: '2026-03-15' }],
    });
    const stale = await patch(world.institutionAdmin, cohort.id, { version: 1, name: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', current: { version: 2 } });
    expect((await get(world.institutionAdmin, cohort.id)).body.name).toBe(`${cohort.name} (renamed)`);

    const wrongModule = await patch(world.institutionAdmin, cohort.id, {
      version: 2,
      deadlines: [{ courseId: course.id, moduleId: course.activityIds[0], dueOn: '2026-03-15' }],
    });
    expect(wrongModule.status).toBe(422);
    expect(wrongModule.body.errors).toEqual([expect.objectContaining({ field: 'deadlines.0.moduleId' })]);

    const cleared = await patch(world.institutionAdmin, cohort.id, {
      version: 2,
      endsOn: null,
      deadlines: [],
    });
    expect(cleared.body).toMatchObject({ endsOn: null, deadlines: [], version: 3 });
    const actions = (await auditActions(t, cohort.id)).map((e) => e.action);
    expect(actions).toEqual(['cohort.created', 'cohort.updated', 'cohort.updated']);
  });

  it('keeps the courses in the order they were given', async () => {
    const [a, b] = [await cohortCourse(t, world), await cohortCourse(t, world)];
    const descending = [a!.id, b!.id].sort().reverse();
    const cohort = await createCohort(t, world, { courseIds: descending });
    expect(cohort.courses.map((c) => c.id)).toEqual(descending);
  });

  it("adding a course enrols the cohort's members in it", async () => {
    const { cohort, course } = await cohortWithCourse(t, world);
    expect(await addMember(t, world, cohort.id, { email: world.learner.email })).toBe('enrolled');
    const second = await cohortCourse(t, world);
    const res = await patch(world.institutionAdmin, cohort.id, {
      version: cohort.version,
      courseIds: [course.id, second.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.courses.map((c: { id: string }) => c.id)).toEqual([course.id, second.id]);
    expect(await enrolmentsOf(t, world.learner.userId, [second.id])).toEqual([
      { courseId: second.id, source: 'cohort' },
    ]);
  });

  it('closes a cohort, which is read-only afterwards (409 cohort-closed)', async () => {
    const { cohort } = await cohortWithCourse(t, world);
    const closed = await call(t, world.institutionAdmin, 'post', `/api/studio/cohorts/${cohort.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', canManage: false, closedAt: expect.any(String) });
    const edit = await patch(world.institutionAdmin, cohort.id, {
      version: closed.body.version,
      name: 'Too late',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('cohort-closed');
    expect(edit.body.detail).toContain('is closed');
    const add = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohort.id}/members`,
    ).send({
      email: world.learner.email,
    });
    expect(add.status).toBe(409);
    expect(add.body.code).toBe('cohort-closed');
    const again = await call(t, world.institutionAdmin, 'post', `/api/studio/cohorts/${cohort.id}/close`);
    expect(again.status).toBe(409);
    // Still readable, by its facilitator too.
    expect((await get(world.trainer, cohort.id)).body.status).toBe('closed');
    const audit = await auditActions(t, cohort.id);
    expect(audit.map((e) => e.action)).toEqual(['cohort.created', 'cohort.closed']);
  });

  it('adds people only inside the enrolment window, which admins can widen', async () => {
    const { cohort } = await cohortWithCourse(t, world, {
      enrolmentOpensAt: '2025-01-01T00:00:00Z',
      enrolmentClosesAt: '2025-02-01T00:00:00Z',
    });
    const refused = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohort.id}/members`,
    ).send({
      email: world.learner.email,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('enrolment-window');
    expect(refused.body.detail).toContain('has closed');
    expect(refused.body.detail).toContain('2025-01-01 00:00 UTC');
    expect(refused.body.detail).toContain('2025-02-01 00:00 UTC');

    const future = await patch(world.institutionAdmin, cohort.id, {
      version: cohort.version,
      enrolmentOpensAt: '2099-01-01T00:00:00Z',
      enrolmentClosesAt: null,
    });
    expect(future.status).toBe(200);
    const early = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/cohorts/${cohort.id}/members`,
    ).send({
      email: world.learner.email,
    });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('has not opened yet');

    const widened = await patch(world.institutionAdmin, cohort.id, {
      version: future.body.version,
      enrolmentOpensAt: null,
    });
    expect(widened.status).toBe(200);
    expect(await addMember(t, world, cohort.id, { email: world.learner.email })).toBe('enrolled');
    expect(
      (await db.query(`SELECT 1 FROM cohort_member WHERE cohort_id = $1`, [cohort.id])) as unknown[],
    ).toHaveLength(1);
  });
});

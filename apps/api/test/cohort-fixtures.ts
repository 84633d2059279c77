import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SeedService } from '../src/seed/seed.service.js';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { createPerson, demoInstitutionId } from './admin-fixtures.js';
import { publishedCourse } from './course-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

/** The demo data and its people signed in: what cohort specs start from. */
export interface CohortWorld {
  /** The demo Saint Lucia training centre. */
  institutionId: string;
  platformAdmin: TestSession;
  institutionAdmin: TestSession;
  /** A trainer of the institution (and author of its courses). */
  trainer: TestSession;
  /**
   * A learner of another demo institution (Guyana), made for this file: cohort tests enrol them,
   * and the demo learner's memberships and enrolments belong to other files sharing the database.
   */
  learner: TestSession;
}

export async function cohortWorld(t: TestApp): Promise<CohortWorld> {
  await t.app.get(SeedService).run();
  const guyana = await demoInstitutionId(t, 'gy-public-service-training');
  const learner = await createPerson(
    t,
    { institutionId: guyana, role: InstitutionRole.Learner },
    'cohort-learner',
  );
  return {
    institutionId: await demoInstitutionId(t),
    platformAdmin: await signIn(t, DEMO.admin.email, DEMO.admin.password),
    institutionAdmin: await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password),
    trainer: await signIn(t, DEMO.trainer.email, DEMO.trainer.password),
    learner: await signIn(t, learner.email, learner.password),
  };
}

export interface CohortCourse {
  id: string;
  slug: string;
  moduleIds: string[];
  activityIds: string[];
}

/** A published course of the institution (2 modules of 1 lesson by default), by the demo trainer. */
export async function cohortCourse(
  t: TestApp,
  world: CohortWorld,
  shape: { modules?: number; lessons?: number; fields?: Record<string, unknown> } = {},
): Promise<CohortCourse> {
  const course = await publishedCourse(t, world.trainer, world.institutionId, {
    modules: shape.modules ?? 2,
    lessons: shape.lessons ?? 1,
    fields: { title: `Course ${unique('c')}`, enrolmentMode: 'cohort', ...shape.fields },
  });
  return {
    id: course.id,
    slug: course.slug,
    moduleIds: course.modules.map((module) => module.moduleId),
    activityIds: course.activityIds,
  };
}

export interface CohortBody {
  id: string;
  name: string;
  version: number;
  status: 'open' | 'closed';
  institution: { id: string; name: string };
  courses: {
    id: string;
    slug: string;
    title: string;
    modules: { id: string; title: string; position: number }[];
  }[];
  facilitators: { id: string; displayName: string; email: string }[];
  deadlines: { courseId: string; moduleId: string; dueOn: string }[];
  memberCount: number;
  inviteeCount: number;
  canManage: boolean;
}

/** Creates a cohort through the API (as the institution admin unless told otherwise). */
export async function createCohort(
  t: TestApp,
  world: CohortWorld,
  fields: Record<string, unknown> = {},
  session: TestSession = world.institutionAdmin,
): Promise<CohortBody> {
  const res = await call(t, session, 'post', '/api/studio/cohorts').send({
    institutionId: world.institutionId,
    name: `Cohort ${unique('k')}`,
    courseIds: [],
    facilitatorIds: [],
    ...fields,
  });
  expect(res.status).toBe(201);
  return res.body as CohortBody;
}

/** An open cohort of the institution with one new published course and the demo trainer as facilitator. */
export async function cohortWithCourse(
  t: TestApp,
  world: CohortWorld,
  fields: Record<string, unknown> = {},
): Promise<{ cohort: CohortBody; course: CohortCourse }> {
  const course = await cohortCourse(t, world);
  const cohort = await createCohort(t, world, {
    courseIds: [course.id],
    facilitatorIds: [world.trainer.userId],
    ...fields,
  });
  return { cohort, course };
}

/** Adds one person by e-mail through the API; returns the outcome. */
export async function addMember(
  t: TestApp,
  world: CohortWorld,
  cohortId: string,
  body: { email: string; givenName?: string; familyName?: string; language?: string },
): Promise<string> {
  const res = await call(t, world.institutionAdmin, 'post', `/api/studio/cohorts/${cohortId}/members`).send(
    body,
  );
  expect(res.status).toBe(201);
  return res.body.outcome as string;
}

/** The person's enrolments in these courses, with their source. */
export async function enrolmentsOf(
  t: TestApp,
  userId: string,
  courseIds: string[],
): Promise<{ courseId: string; source: string }[]> {
  return t.app
    .get(DataSource)
    .query(
      `SELECT course_id AS "courseId", source FROM enrolment WHERE user_id = $1 AND course_id = ANY($2::uuid[]) ORDER BY course_id`,
      [userId, courseIds],
    );
}

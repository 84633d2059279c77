import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SeedService } from '../src/seed/seed.service.js';
import { createPerson, demoInstitutionId } from './admin-fixtures.js';
import { publishedCourse } from './course-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

export interface CertificateWorld {
  institutionId: string;
  trainer: TestSession;
  institutionAdmin: TestSession;
  platformAdmin: TestSession;
  learner: TestSession;
}

/** The demo data, and the demo people signed in: what every certificate spec starts from. */
export async function certificateWorld(t: TestApp): Promise<CertificateWorld> {
  await t.app.get(SeedService).run();
  return {
    institutionId: await demoInstitutionId(t),
    trainer: await signIn(t, DEMO.trainer.email, DEMO.trainer.password),
    institutionAdmin: await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password),
    platformAdmin: await signIn(t, DEMO.admin.email, DEMO.admin.password),
    learner: await signIn(t, DEMO.learner.email, DEMO.learner.password),
  };
}

export interface CertificateCourse {
  id: string;
  slug: string;
  lessonId: string;
}

/** A published one-lesson course of the demo institution, with these certificate settings. */
export async function certificateCourse(
  t: TestApp,
  world: CertificateWorld,
  settings: { enabled?: boolean; issueMode?: 'automatic' | 'approval'; validityMonths?: number | null } = {},
  fields: Record<string, unknown> = {},
): Promise<CertificateCourse> {
  const course = await publishedCourse(t, world.trainer, world.institutionId, {
    modules: 1,
    lessons: 1,
    fields: { title: 'Open government data', estimatedHours: 12.5, ...fields },
  });
  await setCertificateSettings(t, course.id, settings);
  return { id: course.id, slug: course.slug, lessonId: course.activityIds[0]! };
}

export async function setCertificateSettings(
  t: TestApp,
  courseId: string,
  settings: { enabled?: boolean; issueMode?: 'automatic' | 'approval'; validityMonths?: number | null },
): Promise<void> {
  await t.app.get(DataSource).query(
    `INSERT INTO certificate_course_setting (course_id, enabled, issue_mode, validity_months) VALUES ($1, $2, $3, $4)
     ON CONFLICT (course_id) DO UPDATE SET enabled = $2, issue_mode = $3, validity_months = $4`,
    [courseId, settings.enabled ?? true, settings.issueMode ?? 'automatic', settings.validityMonths ?? null],
  );
}

/** A new learner with an account of their own (display name given), signed in. */
export async function newLearner(
  t: TestApp,
  displayName = 'Ana María Pérez-Łukasiewicz',
): Promise<TestSession> {
  const person = await createPerson(t, undefined, 'cert-learner');
  await t.app
    .get(DataSource)
    .query(`UPDATE user_account SET display_name = $2 WHERE id = $1`, [person.id, displayName]);
  return signIn(t, person.email, person.password);
}

export async function enrol(t: TestApp, learner: TestSession, course: CertificateCourse): Promise<void> {
  const res = await call(t, learner, 'post', `/api/courses/${course.slug}/enrolment`);
  expect([200, 201]).toContain(res.status);
}

/** Enrols (if needed) and completes the course's only lesson: course.completed follows. */
export async function complete(t: TestApp, learner: TestSession, course: CertificateCourse): Promise<void> {
  await enrol(t, learner, course);
  const res = await call(
    t,
    learner,
    'put',
    `/api/me/learning/${course.slug}/activities/${course.lessonId}/progress`,
  ).send({ at: new Date().toISOString(), completed: true });
  expect(res.status).toBe(200);
  expect(res.body.course.percent).toBe(100);
}

export interface StoredCertificate {
  id: string;
  code: string;
  state: string;
  statusIndex: number;
}

/** The learner's certificates of the course, newest first, straight from the table. */
export async function certificatesOf(
  t: TestApp,
  userId: string,
  courseId: string,
): Promise<StoredCertificate[]> {
  return t.app.get(DataSource).query(
    `SELECT id, code, state, status_index::float8 AS "statusIndex" FROM certificate
      WHERE user_id = $1 AND course_id = $2 ORDER BY created_at DESC`,
    [userId, courseId],
  );
}

/** A learner who completed a course that issues automatically, and their certificate. */
export async function issuedCertificate(
  t: TestApp,
  world: CertificateWorld,
  course?: CertificateCourse,
  name?: string,
): Promise<{ course: CertificateCourse; learner: TestSession; certificate: StoredCertificate }> {
  const target = course ?? (await certificateCourse(t, world));
  const learner = await newLearner(t, name);
  await complete(t, learner, target);
  const [certificate] = await certificatesOf(t, learner.userId, target.id);
  expect(certificate).toMatchObject({ state: 'issued' });
  return { course: target, learner, certificate: certificate! };
}

/** Requests from one made-up client address (the app trusts the loopback proxy), so limits are per test. */
let nextClient = 1;
export const clientAddress = () => {
  nextClient += 1;
  return `203.0.${Math.floor(nextClient / 250) % 250}.${(nextClient % 250) + 1}`;
};

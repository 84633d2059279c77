import { expect } from '@jest/globals';
import { call, unique, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

/** A course made through the API by this person; returns its detail (id, revision, modules…). */
export async function createCourse(
  t: TestApp,
  session: TestSession,
  institutionId: string,
  fields: Record<string, unknown> = {},
) {
  const res = await call(t, session, 'post', '/api/studio/courses').send({
    slug: unique('course'),
    title: 'Test course',
    language: 'en',
    institutionId,
    ...fields,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; revision: number; slug: string };
}

/** Adds a module then its lessons; returns the module id and the course revision afterwards. */
export async function addModule(
  t: TestApp,
  session: TestSession,
  courseId: string,
  revision: number,
  title: string,
  lessons: string[] = [],
): Promise<{ moduleId: string; activityIds: string[]; revision: number }> {
  const res = await call(t, session, 'post', `/api/studio/courses/${courseId}/modules`).send({
    revision,
    title,
  });
  expect(res.status).toBe(201);
  const moduleId = res.body.id as string;
  let current = res.body.course.revision as number;
  const activityIds: string[] = [];
  for (const lesson of lessons) {
    const added = await call(
      t,
      session,
      'post',
      `/api/studio/courses/${courseId}/modules/${moduleId}/activities`,
    ).send({ revision: current, kind: 'lesson', title: lesson });
    expect(added.status).toBe(201);
    activityIds.push(added.body.id as string);
    current = added.body.course.revision as number;
  }
  return { moduleId, activityIds, revision: current };
}

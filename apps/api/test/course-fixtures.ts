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

/** A new course (draft) with one module holding one activity of this kind, made by this author. */
export async function courseWithActivity(
  t: TestApp,
  session: TestSession,
  institutionId: string,
  activity: { kind: string; title: string; summary: string },
): Promise<{ courseId: string; slug: string; moduleId: string; activityId: string }> {
  const course = await createCourse(t, session, institutionId, { summary: activity.summary });
  const module = await call(t, session, 'post', `/api/studio/courses/${course.id}/modules`).send({
    revision: course.revision,
    title: 'Module',
  });
  expect(module.status).toBe(201);
  const added = await call(
    t,
    session,
    'post',
    `/api/studio/courses/${course.id}/modules/${module.body.id}/activities`,
  ).send({ revision: module.body.course.revision, kind: activity.kind, title: activity.title });
  expect(added.status).toBe(201);
  return {
    courseId: course.id,
    slug: course.slug,
    moduleId: module.body.id as string,
    activityId: added.body.id as string,
  };
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Writes a lesson's document (a paragraph of text, then any extra blocks) as this author. */
export async function writeLesson(
  t: TestApp,
  session: TestSession,
  activityId: string,
  text: string,
  extra: object[] = [],
) {
  const current = await call(t, session, 'get', `/api/studio/lessons/${activityId}`);
  const res = await call(t, session, 'put', `/api/studio/lessons/${activityId}`).send({
    revision: current.body.revision,
    document: { type: 'doc', content: [paragraph(text), ...extra] },
  });
  expect(res.status).toBe(200);
}

export async function publish(t: TestApp, session: TestSession, courseId: string, changeLog = 'Published') {
  const current = await call(t, session, 'get', `/api/studio/courses/${courseId}`);
  const res = await call(t, session, 'post', `/api/studio/courses/${courseId}/publish`).send({
    revision: current.body.revision,
    changeLog,
  });
  expect(res.status).toBe(200);
  return res.body as { revision: number };
}

/**
 * A published course of `modules` × `lessons` written lessons; the first lesson of each module can
 * carry extra blocks (a reflection). Returns ids by module, in order.
 */
export async function publishedCourse(
  t: TestApp,
  session: TestSession,
  institutionId: string,
  shape: { modules: number; lessons: number; fields?: Record<string, unknown>; extra?: object[] },
) {
  const course = await createCourse(t, session, institutionId, {
    summary: 'A course to learn from.',
    ...shape.fields,
  });
  let revision = course.revision;
  const modules: { moduleId: string; activityIds: string[] }[] = [];
  for (let m = 0; m < shape.modules; m += 1) {
    const titles = Array.from({ length: shape.lessons }, (_, l) => `Lesson ${m + 1}.${l + 1}`);
    const added = await addModule(t, session, course.id, revision, `Module ${m + 1}`, titles);
    revision = added.revision;
    modules.push({ moduleId: added.moduleId, activityIds: added.activityIds });
  }
  for (const [m, module] of modules.entries()) {
    for (const [l, activityId] of module.activityIds.entries()) {
      await writeLesson(
        t,
        session,
        activityId,
        `Text of lesson ${m + 1}.${l + 1}.`,
        l === 0 ? (shape.extra ?? []) : [],
      );
    }
  }
  await publish(t, session, course.id, 'First version');
  return { id: course.id, slug: course.slug, modules, activityIds: modules.flatMap((m) => m.activityIds) };
}

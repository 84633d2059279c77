import type { Page } from 'playwright-core';

/**
 * A request to the API from inside the page, with its session cookie and CSRF token: how the
 * browser tests set things up, or act as the same author in a second tab.
 */
export async function asPage<T = Record<string, unknown>>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const answer = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: (text ? JSON.parse(text) : null) as T };
    },
    { method, url, body },
  );
}

/** The same, for set-up steps that must succeed. */
export async function asPageOk<T = Record<string, unknown>>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const answer = await asPage<T>(page, method, url, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The demo Saint Lucia training centre, where the demo trainer works. */
export async function saintLuciaCentreId(page: Page): Promise<string> {
  const institutions = await asPageOk<{ items: { id: string; name: string }[] }>(
    page,
    'GET',
    '/api/institutions?country=LC',
  );
  const centre = institutions.items.find((i) => i.name.includes('Training Centre'));
  if (!centre) throw new Error('no Saint Lucia training centre in the demo data');
  return centre.id;
}

interface Revised {
  id: string;
  course: { revision: number };
}

/** Creates a course of the Saint Lucia centre; returns its id and revision. */
export async function createCourseViaApi(
  page: Page,
  fields: { title: string; slug: string; summary?: string },
): Promise<{ id: string; revision: number }> {
  return asPageOk(page, 'POST', '/api/studio/courses', {
    institutionId: await saintLuciaCentreId(page),
    language: 'en',
    enrolmentMode: 'open',
    ...fields,
  });
}

export async function addModuleViaApi(page: Page, courseId: string, title: string, revision: number) {
  return asPageOk<Revised>(page, 'POST', `/api/studio/courses/${courseId}/modules`, { title, revision });
}

export async function addLessonViaApi(
  page: Page,
  courseId: string,
  moduleId: string,
  title: string,
  revision: number,
) {
  return asPageOk<Revised>(page, 'POST', `/api/studio/courses/${courseId}/modules/${moduleId}/activities`, {
    kind: 'lesson',
    title,
    required: true,
    revision,
  });
}

/** Saves a lesson's document over whatever is stored, as another author would. */
export async function saveLessonViaApi(page: Page, lessonId: string, content: unknown[]): Promise<number> {
  const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/lessons/${lessonId}`);
  const answer = await asPage(page, 'PUT', `/api/studio/lessons/${lessonId}`, {
    revision: current.revision,
    document: { type: 'doc', content },
  });
  return answer.status;
}

/** A node of a lesson document as the API stores it. */
export interface StoredNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: StoredNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** Every node of a document, depth first. */
export const walk = (node: StoredNode): StoredNode[] => [node, ...(node.content ?? []).flatMap(walk)];

/** The lesson as stored, read through the API. */
export async function storedLesson(page: Page, activityId: string) {
  return asPageOk<{ document: StoredNode; revision: number }>(
    page,
    'GET',
    `/api/studio/lessons/${activityId}`,
  );
}

/** A draft course with one module holding one written lesson (publishable as it is), through the API. */
export async function courseWithLessonViaApi(
  page: Page,
  names: { title: string; slug: string; summary?: string; module: string; lesson: string; text: string },
): Promise<{ id: string; slug: string; lessonId: string }> {
  const course = await createCourseViaApi(page, {
    title: names.title,
    slug: names.slug,
    summary: names.summary ?? 'A course made for a browser test.',
  });
  const module = await addModuleViaApi(page, course.id, names.module, course.revision);
  const lesson = await addLessonViaApi(page, course.id, module.id, names.lesson, module.course.revision);
  const saved = await saveLessonViaApi(page, lesson.id, [
    { type: 'paragraph', content: [{ type: 'text', text: names.text }] },
  ]);
  if (saved !== 200) throw new Error(`saving the lesson answered ${saved}`);
  return { id: course.id, slug: names.slug, lessonId: lesson.id };
}

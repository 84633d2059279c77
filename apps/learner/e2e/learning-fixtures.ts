// Courses and learners for the learning browser tests, made through the API as a trainer and a
// learner would make them (the Studio and the sign-up page call the same endpoints).
import { randomUUID } from 'node:crypto';
import type { ApiSession } from './api-helpers';

export const TRAINER = { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' };
export const PASSWORD = 'a long walk along the Rodney Bay shore';

type Block = Record<string, unknown>;

export const paragraph = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
export const heading = (text: string, level = 2): Block => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
export const reflection = (id: string, prompt: string): Block => ({
  type: 'reflection',
  attrs: { id, prompt },
});

/** A long section: a heading and enough paragraphs to fill more than a screen. */
export function section(title: string, paragraphs = 6): Block[] {
  return [
    heading(title),
    ...Array.from({ length: paragraphs }, (_, i) =>
      paragraph(
        `${title}, point ${i + 1}. In Castries, Nassau and Georgetown, the front desk of a ministry is where ` +
          'a public servant meets the people the service is for. Queues, forms and missing documents tell a ' +
          'story about how the service was designed, and who it was designed for. Listening to that story is ' +
          'the first step towards changing it.',
      ),
    ),
  ];
}

export interface LessonSpec {
  title: string;
  blocks: Block[];
}

export interface CreatedCourse {
  id: string;
  slug: string;
  title: string;
  /** Activity ids by module, in order. */
  modules: string[][];
}

export interface Revised {
  id: string;
  course: { revision: number };
}

/** The institution the demo trainer trains for. */
export async function trainerInstitution(trainer: ApiSession): Promise<string> {
  const me = await trainer.get<{ memberships: { institutionId: string; role: string }[] }>('/api/me');
  const membership = me.memberships.find((m) => m.role === 'trainer');
  if (!membership) throw new Error('The demo trainer has no trainer membership');
  return membership.institutionId;
}

/** An open course with its first module, made by the demo trainer: the course, the module's id and the revision after it. */
export async function openCourseWithModule(
  trainer: ApiSession,
  spec: { title: string; summary: string; moduleTitle: string },
): Promise<{ id: string; slug: string; moduleId: string; revision: number }> {
  const institutionId = await trainerInstitution(trainer);
  const course = await trainer.post<{ id: string; slug: string }>('/api/studio/courses', {
    slug: `${spec.title.toLowerCase().replace(/[^a-z]+/g, '-')}-${randomUUID().slice(0, 6)}`,
    title: spec.title,
    summary: spec.summary,
    language: 'en',
    institutionId,
    enrolmentMode: 'open',
  });
  const { revision } = await trainer.get<{ revision: number }>(`/api/studio/courses/${course.id}`);
  const module = await trainer.post<Revised>(`/api/studio/courses/${course.id}/modules`, {
    revision,
    title: spec.moduleTitle,
  });
  return { id: course.id, slug: course.slug, moduleId: module.id, revision: module.course.revision };
}

/** Adds a module with its lessons (documents written) to a course; returns the lesson ids. */
export async function addModule(
  trainer: ApiSession,
  courseId: string,
  title: string,
  lessons: LessonSpec[],
): Promise<string[]> {
  const { revision } = await trainer.get<{ revision: number }>(`/api/studio/courses/${courseId}`);
  const module = await trainer.post<Revised>(`/api/studio/courses/${courseId}/modules`, { revision, title });
  let current = module.course.revision;
  const ids: string[] = [];
  for (const lesson of lessons) {
    const added = await trainer.post<Revised>(
      `/api/studio/courses/${courseId}/modules/${module.id}/activities`,
      {
        revision: current,
        kind: 'lesson',
        title: lesson.title,
      },
    );
    current = added.course.revision;
    ids.push(added.id);
    const content = await trainer.get<{ revision: number }>(`/api/studio/lessons/${added.id}`);
    await trainer.put(`/api/studio/lessons/${added.id}`, {
      revision: content.revision,
      document: { type: 'doc', content: lesson.blocks },
    });
  }
  return ids;
}

export async function publish(trainer: ApiSession, courseId: string, changeLog: string): Promise<void> {
  const { revision } = await trainer.get<{ revision: number }>(`/api/studio/courses/${courseId}`);
  await trainer.post(`/api/studio/courses/${courseId}/publish`, { revision, changeLog });
}

/** Creates and publishes a course of these modules, each a list of lessons. */
export async function publishCourse(
  trainer: ApiSession,
  spec: {
    title: string;
    enrolmentMode?: 'open' | 'invitation' | 'cohort';
    modules: [string, LessonSpec[]][];
  },
): Promise<CreatedCourse> {
  const institutionId = await trainerInstitution(trainer);
  const course = await trainer.post<{ id: string; slug: string }>('/api/studio/courses', {
    slug: `${spec.title.toLowerCase().replace(/[^a-z]+/g, '-')}-${randomUUID().slice(0, 6)}`,
    title: spec.title,
    summary: 'A short course about public services in the Caribbean.',
    language: 'en',
    institutionId,
    enrolmentMode: spec.enrolmentMode ?? 'open',
  });
  const modules: string[][] = [];
  for (const [title, lessons] of spec.modules)
    modules.push(await addModule(trainer, course.id, title, lessons));
  await publish(trainer, course.id, 'First version');
  return { id: course.id, slug: course.slug, title: spec.title, modules };
}

/** A new learner account made through the public sign-up, as someone who signed up earlier. */
export async function newLearner(baseUrl: string, name: string): Promise<string> {
  const email = `learner-${randomUUID().slice(0, 8)}@example.gov`;
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({ email, password: PASSWORD, displayName: name, preferredLanguage: 'en' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return email;
}

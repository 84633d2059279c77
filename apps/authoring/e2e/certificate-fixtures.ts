import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { signInToApi, type ApiSession } from '@archipelago/testing';
import { asPageOk, courseWithLessonViaApi } from './studio-api';

/*
 * Set-up for the certificate browser tests, through the API as the people themselves would: the
 * author makes and publishes a course, learners sign up, enrol and complete it.
 */

const PASSWORD = 'a long walk along the Pigeon Island causeway';

export interface CertificateCourse {
  id: string;
  slug: string;
  title: string;
  lessonId: string;
}

/** A published course with one required lesson, made by whoever is signed in on `page`. */
export async function publishedCourse(page: Page, prefix: string): Promise<CertificateCourse> {
  const suffix = randomBytes(3).toString('hex');
  const title = `${prefix} ${suffix}`;
  const course = await courseWithLessonViaApi(page, {
    title,
    slug: `${prefix.toLowerCase().replace(/[^a-z]+/g, '-')}-${suffix}`,
    module: 'Basics',
    lesson: 'Why it matters',
    text: 'Because people expect it.',
  });
  const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${course.id}`);
  await asPageOk(page, 'POST', `/api/studio/courses/${course.id}/publish`, {
    revision: current.revision,
    changeLog: 'First version',
  });
  return { id: course.id, slug: course.slug, title, lessonId: course.lessonId };
}

export async function certificateSettings(
  page: Page,
  courseId: string,
  settings: { enabled: boolean; issueMode: 'automatic' | 'approval'; validityMonths: number | null },
) {
  await asPageOk(page, 'PUT', `/api/studio/courses/${courseId}/certificate-settings`, settings);
}

let nextAddress = 0;

/** A new learner through the public sign-up, enrolled in the course. */
export async function enrolledLearner(
  baseUrl: string,
  course: CertificateCourse,
  name: string,
): Promise<ApiSession & { name: string }> {
  const email = `learner-${randomBytes(4).toString('hex')}@example.gov`;
  nextAddress += 1;
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${100 + nextAddress}` },
    body: JSON.stringify({ email, password: PASSWORD, displayName: name, preferredLanguage: 'en' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const learner = await signInToApi(baseUrl, email, PASSWORD);
  await learner.post(`/api/courses/${course.slug}/enrolment`, {});
  return Object.assign(learner, { name });
}

/** The learner completes the course's only (required) lesson, which completes the course. */
export async function complete(learner: ApiSession, course: CertificateCourse): Promise<void> {
  await learner.put(`/api/me/learning/${course.slug}/activities/${course.lessonId}/progress`, {
    at: new Date().toISOString(),
    completed: true,
  });
}

import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';
import { activityUrl, takePrefetched } from './prefetch';

export type EnrolmentState = Schemas['EnrolmentState'];
export type MyLearningCourse = Schemas['LearningCourseSummary'];
export type LearningCourse = Schemas['LearningCourse'];
export type LearningModule = Schemas['LearningModule'];
export type ActivityStatus = Schemas['LearningActivity']['status'];
export type ActivityView = Schemas['ActivityView'];
export type ReaderLanguage = 'en' | 'es' | 'fr';

/** The data, or null when the API answers 404; throws on any other failure (offline, 5xx). */
function dataOr404<T>(path: string, data: T | undefined, response: Response): T | null {
  if (response.status === 404) return null;
  if (data === undefined) throw new Error(`GET ${path} failed with ${response.status}`);
  return data;
}

export async function fetchEnrolment(slug: string, signal: AbortSignal) {
  const { data, response } = await api.GET('/api/courses/{slug}/enrolment', {
    params: { path: { slug } },
    signal,
  });
  return dataOr404(`/api/courses/${slug}/enrolment`, data, response);
}

export async function fetchMyLearning(signal: AbortSignal) {
  const { data, response } = await api.GET('/api/me/learning', { signal });
  return dataOr404('/api/me/learning', data, response);
}

export async function fetchLearningCourse(slug: string, signal: AbortSignal) {
  const { data, response } = await api.GET('/api/me/learning/{slug}', {
    params: { path: { slug } },
    signal,
  });
  return dataOr404(`/api/me/learning/${slug}`, data, response);
}

export async function fetchActivity(
  slug: string,
  activityId: string,
  lang: ReaderLanguage,
  signal: AbortSignal,
) {
  // The page load may have started this very request already (see prefetch.ts).
  const early = takePrefetched(activityUrl(slug, activityId, lang));
  const { data, response } = await api.GET('/api/me/learning/{slug}/activities/{activityId}', {
    params: { path: { slug, activityId }, query: { lang } },
    signal,
    ...(early ? { fetch: () => early } : {}),
  });
  // A malformed id answers 400: for the learner it is a lesson that does not exist either.
  if (response.status === 400) return null;
  return dataOr404(`/api/me/learning/${slug}/activities/${activityId}`, data, response);
}

/** Paths inside the learner app. */
export const learnPaths = {
  myLearning: '/learning',
  course: (slug: string) => `/learn/${encodeURIComponent(slug)}`,
  activity: (slug: string, activityId: string) =>
    `/learn/${encodeURIComponent(slug)}/${encodeURIComponent(activityId)}`,
  catalogue: (slug: string) => `/courses/${encodeURIComponent(slug)}`,
};

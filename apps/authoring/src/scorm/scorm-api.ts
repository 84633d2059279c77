import { api } from '../api';
import type { ScormDraftView, ScormLearnerDetail, ScormLearnerList } from './scormTypes';

/*
 * The studio's SCORM routes: the activity's package (ScormPackagesModule) and its learners'
 * runtime data (ScormRuntimeModule). The only place the SCORM pages call the API; the upload,
 * which needs progress events, is in uploadPackage.ts.
 */

type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;
interface Init {
  params: { path: Record<string, string>; query?: Record<string, number> };
  signal?: AbortSignal;
}

/*
 * The routes are called through the client (its middleware adds the CSRF token) by path string,
 * until the generated client describes them.
 */
const client = api as unknown as {
  GET: (path: string, init: Init) => Answer<unknown>;
  POST: (path: string, init: Init) => Answer<unknown>;
};
const as = <T>(answer: Answer<unknown>) => answer as Answer<T>;

export const getScormDraft = (activityId: string, signal?: AbortSignal) =>
  as<ScormDraftView>(
    client.GET('/api/studio/scorm/{activityId}', { params: { path: { activityId } }, signal }),
  );

export const listScormLearners = (
  activityId: string,
  paging: { page: number; pageSize: number },
  signal?: AbortSignal,
) =>
  as<ScormLearnerList>(
    client.GET('/api/studio/scorm/{activityId}/learners', {
      params: { path: { activityId }, query: paging },
      signal,
    }),
  );

export const getScormLearner = (activityId: string, enrolmentId: string, signal?: AbortSignal) =>
  as<ScormLearnerDetail>(
    client.GET('/api/studio/scorm/{activityId}/learners/{enrolmentId}', {
      params: { path: { activityId, enrolmentId } },
      signal,
    }),
  );

export const resetScormLearner = (activityId: string, enrolmentId: string) =>
  as<{ reset: number }>(
    client.POST('/api/studio/scorm/{activityId}/learners/{enrolmentId}/reset', {
      params: { path: { activityId, enrolmentId } },
    }),
  );

/** Where the package upload is sent (by XMLHttpRequest, for its progress events). */
export const packageUploadUrl = (activityId: string) =>
  `/api/studio/scorm/${encodeURIComponent(activityId)}/package`;

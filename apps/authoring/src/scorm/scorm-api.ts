import { api } from '../api';

/*
 * The studio's SCORM routes: the activity's package (ScormPackagesModule) and its learners'
 * runtime data (ScormRuntimeModule). The only place the SCORM pages call the API; the upload,
 * which needs progress events, is in uploadPackage.ts.
 */

export const getScormDraft = (activityId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/scorm/{activityId}', { params: { path: { activityId } }, signal });

export const listScormLearners = (
  activityId: string,
  paging: { page: number; pageSize: number },
  signal?: AbortSignal,
) =>
  api.GET('/api/studio/scorm/{activityId}/learners', {
    params: { path: { activityId }, query: paging },
    signal,
  });

export const getScormLearner = (activityId: string, enrolmentId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/scorm/{activityId}/learners/{enrolmentId}', {
    params: { path: { activityId, enrolmentId } },
    signal,
  });

export const resetScormLearner = (activityId: string, enrolmentId: string) =>
  api.POST('/api/studio/scorm/{activityId}/learners/{enrolmentId}/reset', {
    params: { path: { activityId, enrolmentId } },
  });

/** Where the package upload is sent (by XMLHttpRequest, for its progress events). */
export const packageUploadUrl = (activityId: string) =>
  `/api/studio/scorm/${encodeURIComponent(activityId)}/package`;

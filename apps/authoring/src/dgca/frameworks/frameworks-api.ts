import { api } from '../../api';
import type { VersionContent } from './frameworkTypes';

/* The DGCA framework routes (DgcaFrameworksModule): the only place the framework pages call the API. */

export const listFrameworks = (signal?: AbortSignal) => api.GET('/api/studio/dgca/frameworks', { signal });

export const createFramework = (body: { name: string; description?: string; copyFromVersionId?: string }) =>
  api.POST('/api/studio/dgca/frameworks', { body });

export const getFramework = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/frameworks/{id}', { params: { path: { id } }, signal });

export const updateFramework = (id: string, body: { name?: string; description?: string }) =>
  api.PATCH('/api/studio/dgca/frameworks/{id}', { params: { path: { id } }, body });

export const startDraft = (id: string) =>
  api.POST('/api/studio/dgca/frameworks/{id}/draft', { params: { path: { id } } });

export const getVersion = (versionId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/framework-versions/{versionId}', { params: { path: { versionId } }, signal });

export const saveVersion = (versionId: string, body: VersionContent & { revision: number }) =>
  api.PUT('/api/studio/dgca/framework-versions/{versionId}', { params: { path: { versionId } }, body });

export const publishVersion = (versionId: string, revision: number) =>
  api.POST('/api/studio/dgca/framework-versions/{versionId}/publish', {
    params: { path: { versionId } },
    body: { revision },
  });

export const deleteVersion = (versionId: string, revision: number) =>
  api.DELETE('/api/studio/dgca/framework-versions/{versionId}', {
    params: { path: { versionId }, query: { revision } },
  });

/** Courses to recommend (the first 100 of every status: a draft course may be published by the time the profile shows). */
export const listCourses = (signal?: AbortSignal) =>
  api.GET('/api/studio/courses', { params: { query: { pageSize: 100 } }, signal });

/** A course's modules, to recommend one of them rather than the whole course. */
export const getCourse = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/courses/{id}', { params: { path: { id } }, signal });

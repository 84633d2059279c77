import { api } from '../../api';

/* The DGCA results routes (DgcaResultsModule) and what the results pages read beside them: the only place they call the API. */

export const getAssessment = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}', { params: { path: { id } }, signal });

export const getResults = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}/results', { params: { path: { id } }, signal });

/** Plain links download the exports with the session cookie; their words are in `language`. */
export function resultsExportUrl(id: string, format: 'csv' | 'pdf', language: string): string {
  const params = new URLSearchParams({ language });
  return `/api/studio/dgca/assessments/${encodeURIComponent(id)}/results.${format}?${params.toString()}`;
}

export const listFrameworks = (signal?: AbortSignal) => api.GET('/api/studio/dgca/frameworks', { signal });

export const getRegional = (versionId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/regional', { params: { query: { versionId } }, signal });

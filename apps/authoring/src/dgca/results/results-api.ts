import { api } from '../../api';
import type { VersionChoice } from './resultsTypes';

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

/**
 * Every published version of every framework, newest first within a framework: the list has only
 * each framework's latest, so a framework published more than once is read for its older ones
 * (regional profiles are per version, and countries may still be on an earlier one).
 */
export async function listPublishedVersions(signal?: AbortSignal) {
  const list = await api.GET('/api/studio/dgca/frameworks', { signal });
  if (!list.data) return { error: list.error, response: list.response };
  const choices: VersionChoice[] = [];
  for (const framework of list.data.items) {
    if (!framework.published) continue;
    if (framework.published.number === 1) {
      choices.push({ versionId: framework.published.versionId, frameworkName: framework.name, number: 1 });
      continue;
    }
    const view = await api.GET('/api/studio/dgca/frameworks/{id}', {
      params: { path: { id: framework.id } },
      signal,
    });
    if (!view.data) return { error: view.error, response: view.response };
    for (const version of view.data.versions)
      if (version.status === 'published')
        choices.push({ versionId: version.versionId, frameworkName: framework.name, number: version.number });
  }
  return { data: choices, response: list.response };
}

export const getRegional = (versionId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/regional', { params: { query: { versionId } }, signal });

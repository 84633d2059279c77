import { api } from '../../api';
import type { ActionFields, ProgressFields } from './actionTypes';

/*
 * The action plan routes (DgcaActionsModule), plus the assessment and framework reads the page
 * needs for its title and dimensions: the only place the action plan page calls the API.
 */

export const getAssessment = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}', { params: { path: { id } }, signal });

export const getFrameworkVersion = (versionId: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/framework-versions/{versionId}', { params: { path: { versionId } }, signal });

/** The profile's gaps, to plan actions from (answers from the consensus round on). */
export const getResults = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}/results', { params: { path: { id } }, signal });

export const listActions = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/dgca/assessments/{id}/actions', { params: { path: { id } }, signal });

export const createAction = (id: string, body: ActionFields) =>
  api.POST('/api/studio/dgca/assessments/{id}/actions', { params: { path: { id } }, body });

export const updateAction = (actionId: string, body: ActionFields & { revision: number }) =>
  api.PATCH('/api/studio/dgca/actions/{actionId}', { params: { path: { actionId } }, body });

export const deleteAction = (actionId: string, revision: number) =>
  api.DELETE('/api/studio/dgca/actions/{actionId}', {
    params: { path: { actionId }, query: { revision } },
  });

export const postProgress = (actionId: string, body: ProgressFields) =>
  api.POST('/api/studio/dgca/actions/{actionId}/updates', { params: { path: { actionId } }, body });

/** A plain link downloads the plan with the session cookie; its words are in `language`. */
export const exportUrl = (id: string, format: 'csv' | 'pdf', language: string) =>
  `/api/studio/dgca/assessments/${encodeURIComponent(id)}/actions.${format}?language=${encodeURIComponent(language)}`;

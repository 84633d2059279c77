import { api } from '../../api';
import { apiQuery, PAGE_SIZE, type ProgressQuery } from './useProgressQuery';
import type { ReminderBody } from './progressTypes';

/*
 * The cohort progress routes (CohortProgressModule) and the cohort they belong to: the only place
 * the dashboard calls the API.
 */

export const getCohort = (id: string, signal?: AbortSignal) =>
  api.GET('/api/studio/cohorts/{id}', { params: { path: { id } }, signal });

export const listProgress = (id: string, query: ProgressQuery, signal?: AbortSignal) =>
  api.GET('/api/studio/cohorts/{id}/progress', {
    params: { path: { id }, query: { ...apiQuery(query), page: query.page, pageSize: PAGE_SIZE } },
    signal,
  });

/** A plain link downloads the CSV with the session cookie, for the same filter as the list, in `language`. */
export function progressCsvUrl(id: string, query: ProgressQuery, language: string): string {
  const params = new URLSearchParams({ ...apiQuery(query), language });
  return `/api/studio/cohorts/${encodeURIComponent(id)}/progress.csv?${params.toString()}`;
}

export const previewReminder = (id: string, body: ReminderBody) =>
  api.POST('/api/studio/cohorts/{id}/reminders/preview', { params: { path: { id } }, body });

export const sendReminder = (id: string, body: ReminderBody) =>
  api.POST('/api/studio/cohorts/{id}/reminders', { params: { path: { id } }, body });

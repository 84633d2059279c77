import { api } from '../api';
import type { Breakdown, Dimension, Disaggregation, ReportFilters, Summary } from './reportTypes';

/* The reports routes (ReportsModule): the only place the reports page calls the API. */

type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;
// TODO(reports): the generated client learns these routes once the API has them.
const untypedGet = api.GET as unknown as <T>(
  path: string,
  init: { params: { query: Record<string, string> }; signal?: AbortSignal },
) => Answer<T>;

export interface BreakdownQuery extends ReportFilters {
  by: Dimension;
  disaggregate: Disaggregation;
}

export const getSummary = (filters: ReportFilters, signal?: AbortSignal) =>
  untypedGet<Summary>('/api/studio/reports/summary', { params: { query: { ...filters } }, signal });

export const getBreakdown = (query: BreakdownQuery, signal?: AbortSignal) =>
  untypedGet<Breakdown>('/api/studio/reports/breakdown', { params: { query: { ...query } }, signal });

/** A plain link downloads the CSV with the session cookie; its words are in `language`. */
export function breakdownCsvUrl(query: BreakdownQuery, language: string): string {
  const params = new URLSearchParams({ ...query, language });
  return `/api/studio/reports/breakdown.csv?${params.toString()}`;
}

export const listCourses = (signal?: AbortSignal) =>
  api.GET('/api/studio/courses', { params: { query: { pageSize: 100 } }, signal });

export const listCohorts = (signal?: AbortSignal) =>
  untypedGet<{ items: { id: string; name: string; institution: { id: string; name: string } }[] }>(
    '/api/studio/cohorts',
    { params: { query: { pageSize: '100' } }, signal },
  );

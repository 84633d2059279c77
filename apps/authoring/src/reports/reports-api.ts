import { api } from '../api';
import type { Dimension, Disaggregation, ReportFilters } from './reportTypes';

/* The reports routes (ReportsModule): the only place the reports page calls the API. */

export interface BreakdownQuery extends ReportFilters {
  by: Dimension;
  disaggregate: Disaggregation;
}

export const getSummary = (filters: ReportFilters, signal?: AbortSignal) =>
  api.GET('/api/studio/reports/summary', { params: { query: filters }, signal });

export const getBreakdown = (query: BreakdownQuery, signal?: AbortSignal) =>
  api.GET('/api/studio/reports/breakdown', { params: { query }, signal });

/** A plain link downloads the CSV with the session cookie; its words are in `language`. */
export function breakdownCsvUrl(query: BreakdownQuery, language: string): string {
  const params = new URLSearchParams({ ...query, language });
  return `/api/studio/reports/breakdown.csv?${params.toString()}`;
}

export const listCourses = (signal?: AbortSignal) =>
  api.GET('/api/studio/courses', { params: { query: { pageSize: 100 } }, signal });

export const listCohorts = (signal?: AbortSignal) =>
  api.GET('/api/studio/cohorts', { params: { query: { pageSize: 100 } }, signal });

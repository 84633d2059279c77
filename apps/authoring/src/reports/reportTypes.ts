import type { Schemas } from '@archipelago/api-client';

/*
 * The reports' shapes as the API answers them (ReportsModule, issue 8) and the choices the page
 * offers. A figure resting on fewer than 5 people comes back withheld (null, named in `withheld`):
 * the page never receives the hidden figure, so it cannot show it by mistake.
 */

export const DIMENSIONS = ['country', 'institution', 'cohort', 'department', 'course', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DISAGGREGATIONS = ['none', 'sex', 'age_band', 'disability', 'island_region'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

export const MEASURES = [
  'enrolments',
  'activeLearners',
  'completions',
  'passRate',
  'averageDaysToComplete',
] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * One group's (or category's, or total's) measures. A value resting on fewer than 5 people, or one
 * that would let such a value be worked out by subtraction, is withheld: null, and named in
 * `withheld`; when the enrolments themselves are withheld the whole cell is (`suppressed`).
 */
export type Cell = Schemas['ReportCell'];
export type BreakdownGroup = Schemas['ReportGroup'];
export type Breakdown = Schemas['ReportBreakdown'];
export type Summary = Schemas['ReportSummary'];

/** A measure's figure in a cell: a number, null (nothing to measure), or 'suppressed' (withheld). */
export function figure(cell: Cell | undefined, measure: Measure): number | null | 'suppressed' {
  if (cell === undefined || cell.suppressed || cell.withheld.includes(measure)) return 'suppressed';
  return cell[measure];
}

export const anyWithheld = (cell: Cell | undefined): boolean =>
  cell === undefined || cell.suppressed || cell.withheld.length > 0;

/** The report's filters, as they stand in the page address. */
export interface ReportFilters {
  from?: string;
  to?: string;
  country?: string;
  institutionId?: string;
  cohortId?: string;
  courseId?: string;
  department?: string;
}

export const FILTER_NAMES = [
  'from',
  'to',
  'country',
  'institutionId',
  'cohortId',
  'courseId',
  'department',
] as const satisfies readonly (keyof ReportFilters)[];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * The filters read from the address; anything malformed (an old bookmark, a typo) is dropped
 * rather than sent, so the page shows a report instead of a 400.
 */
export function filtersFromParams(params: URLSearchParams): ReportFilters {
  const filters: ReportFilters = {};
  const take = (name: keyof ReportFilters, valid: (value: string) => boolean) => {
    const value = params.get(name)?.trim();
    if (value && valid(value)) filters[name] = value;
  };
  take('from', (value) => MONTH.test(value));
  take('to', (value) => MONTH.test(value));
  take('country', (value) => COUNTRY.test(value) || value === 'not_stated');
  take('institutionId', (value) => UUID.test(value));
  take('cohortId', (value) => UUID.test(value));
  take('courseId', (value) => UUID.test(value));
  take('department', (value) => value.length <= 200);
  return filters;
}

export function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((candidate) => candidate === value) ?? fallback;
}

/** What a report may group by, and the characteristics it may split each group by. */
export const BREAKDOWNS = ['country', 'institution', 'cohort', 'department', 'course', 'month'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const DISAGGREGATIONS = ['none', 'sex', 'age_band', 'disability', 'island_region'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

/** No consent, no answer, or "prefer not to say": one group of its own, never left out. */
export const NOT_STATED = 'not_stated';
/** Enrolments that came through no cohort. */
export const NO_COHORT = 'none';

/**
 * The categories of the fixed characteristics, always all listed (an empty one shows as 0, so a
 * category's absence tells nothing). Island or region is free text: its categories are those present.
 */
export const FIXED_CATEGORIES: Record<Exclude<Disaggregation, 'none' | 'island_region'>, string[]> = {
  sex: ['female', 'male', 'another'],
  age_band: ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus'],
  disability: ['yes', 'no'],
};

/**
 * Islands or regions, and departments, named by fewer than 5 people in a report's scope, counted
 * together: learners type these, and a name seen alone could point at someone.
 */
export const OTHER = 'other';

/** The column each grouping reads (month: report_fact_month's); null is not stated, or no cohort. */
export const GROUP_COLUMN: Record<Breakdown, string> = {
  country: 'f.country',
  institution: 'f.institution_id',
  cohort: 'f.cohort_id',
  department: 'f.department',
  course: 'f.course_id',
  month: 'f.month',
};

/** Groupings where each learner is in one group only: totals over groups are sums of groups. */
export const ONE_GROUP_PER_PERSON: ReadonlySet<Breakdown> = new Set(['country', 'department']);

/** The column each characteristic reads; null is not stated. */
export const CATEGORY_COLUMN: Record<Exclude<Disaggregation, 'none'>, string> = {
  sex: 'f.sex',
  age_band: 'f.age_band',
  disability: 'f.disability',
  island_region: 'f.island_region',
};

export const MEASURES = [
  'enrolments',
  'activeLearners',
  'completions',
  'passRate',
  'averageDaysToComplete',
] as const;
export type MeasureName = (typeof MEASURES)[number];

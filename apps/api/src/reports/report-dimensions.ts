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

/** The report_fact column each grouping reads (month is the month of each measured event). */
export const GROUP_COLUMN: Record<Exclude<Breakdown, 'month'>, string> = {
  country: `coalesce(f.country, '${NOT_STATED}')`,
  institution: 'f.institution_id::text',
  cohort: `coalesce(f.cohort_id::text, '${NO_COHORT}')`,
  department: `coalesce(f.department, '${NOT_STATED}')`,
  course: 'f.course_id::text',
};

/** Islands or regions named by fewer than 5 people in a report, counted together. */
export const OTHER_REGION = 'other';

export const CATEGORY_COLUMN: Record<Exclude<Disaggregation, 'none'>, string> = {
  sex: `coalesce(f.sex, '${NOT_STATED}')`,
  age_band: `coalesce(f.age_band, '${NOT_STATED}')`,
  disability: `coalesce(f.disability, '${NOT_STATED}')`,
  // $10: the regions shown as categories of their own (report-queries.ts islandRegions).
  island_region: `CASE WHEN f.island_region IS NULL THEN '${NOT_STATED}'
    WHEN f.island_region = ANY ($10::text[]) THEN f.island_region ELSE '${OTHER_REGION}' END`,
};

export const MEASURES = [
  'enrolments',
  'activeLearners',
  'completions',
  'passRate',
  'averageDaysToComplete',
] as const;
export type MeasureName = (typeof MEASURES)[number];

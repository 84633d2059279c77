import type { EntityManager } from 'typeorm';
import {
  CATEGORY_COLUMN,
  GROUP_COLUMN,
  NOT_STATED,
  type Breakdown,
  type Disaggregation,
} from './report-dimensions.js';
import { MIN_GROUP } from './report-suppression.js';

/** Which facts a report counts: the caller's scope, the filters, the period. */
export interface FactFilter {
  /** The institutions an institution admin may see; null for platform admins (everything). */
  scope: string[] | null;
  institutionId: string | null;
  cohortId: string | null;
  courseId: string | null;
  country: string | null;
  department: string | null;
  /** First day of the first and of the last month of the period, inclusive. */
  from: string;
  to: string;
  /** Every month of the period (first days), for activity. */
  months: string[];
}

/** One line of the grouped counts: `level` says which of group and category it is a total over. */
export interface MeasureRow {
  g: string | null;
  c: string | null;
  /** 0: a group × category cell; 1: a group's total; 2: a category's total; 3: the grand total. */
  level: 0 | 1 | 2 | 3;
  enrolments: number;
  enrolledPeople: number;
  activePeople: number;
  completions: number;
  completedPeople: number;
  days: number | null;
  graded: number;
  gradedPeople: number;
  passed: number;
}

const WHERE = `
  ($1::uuid[] IS NULL OR f.institution_id = ANY ($1) OR f.cohort_institution_id = ANY ($1))
  AND ($2::uuid IS NULL OR f.institution_id = $2 OR f.cohort_institution_id = $2)
  AND ($3::uuid IS NULL OR f.cohort_id = $3)
  AND ($4::uuid IS NULL OR f.course_id = $4)
  AND ($5::text IS NULL OR f.country = $5 OR ($5 = '${NOT_STATED}' AND f.country IS NULL))
  AND ($6::text IS NULL OR f.department = $6 OR ($6 = '${NOT_STATED}' AND f.department IS NULL))`;

/** Each enrolment once, its measures those of the period. */
const perEnrolment = (group: string, category: string) => `
  SELECT ${group} AS g, ${category} AS c, f.user_id,
         (f.enrolled_month BETWEEN $7 AND $8)::int AS enrolled,
         coalesce(f.completed_month BETWEEN $7 AND $8, false)::int AS completed,
         CASE WHEN f.completed_month BETWEEN $7 AND $8 THEN f.days_to_complete END AS days,
         coalesce(f.graded_month BETWEEN $7 AND $8, false)::int AS graded,
         coalesce(f.graded_month BETWEEN $7 AND $8 AND f.passed, false)::int AS passed,
         f.active_months && $9::date[] AS active
    FROM report_fact f
   WHERE ${WHERE}`;

/** Each event once (enrolled, completed, graded, active in a month), grouped by its month. */
const perEvent = (category: string) => `
  SELECT to_char(e.month, 'YYYY-MM') AS g, ${category} AS c, f.user_id,
         (e.kind = 'enrolled')::int AS enrolled,
         (e.kind = 'completed')::int AS completed,
         CASE WHEN e.kind = 'completed' THEN f.days_to_complete END AS days,
         (e.kind = 'graded')::int AS graded,
         (e.kind = 'graded' AND f.passed)::int AS passed,
         e.kind = 'active' AND e.month = ANY ($9::date[]) AS active
    FROM report_fact f
    CROSS JOIN LATERAL (
      SELECT 'enrolled' AS kind, f.enrolled_month AS month
      UNION ALL SELECT 'completed', f.completed_month WHERE f.completed_month IS NOT NULL
      UNION ALL SELECT 'graded', f.graded_month WHERE f.graded_month IS NOT NULL
      UNION ALL SELECT 'active', m FROM unnest(f.active_months) m) e
   WHERE ${WHERE} AND e.month BETWEEN $7 AND $8`;

/**
 * The measures of every cell, group total, category total and the grand total, in one pass.
 * People are counted once per cell however many of their enrolments fall in it (the first
 * grouping, per person), which is what suppression weighs.
 */
export async function measureRows(
  db: EntityManager,
  filter: FactFilter,
  by: Breakdown | null,
  disaggregate: Disaggregation,
  regionsShown: string[] = [],
): Promise<MeasureRow[]> {
  const group = by === null ? 'NULL::text' : by === 'month' ? '' : GROUP_COLUMN[by];
  const category = disaggregate === 'none' ? 'NULL::text' : CATEGORY_COLUMN[disaggregate];
  const regions = disaggregate === 'island_region' ? [regionsShown] : [];
  const source = by === 'month' ? perEvent(category) : perEnrolment(group, category);
  // Which of group and category a line is a total over; grouping() takes only grouped columns.
  const level = `${by === null ? '2' : 'grouping(g) * 2'} + ${disaggregate === 'none' ? '1' : 'grouping(c)'}`;
  // Constant columns (no grouping, no disaggregation) stay in every set, as SELECT names them.
  const groupSets = by === null ? ['g'] : ['g', ''];
  const categorySets = disaggregate === 'none' ? ['c'] : ['c', ''];
  const sets = groupSets.flatMap((g) =>
    categorySets.map((c) => `(${[g, c, 'user_id'].filter(Boolean).join(', ')})`),
  );
  return (await db.query(
    `WITH per_person AS (
       SELECT g, c, ${level} AS level,
              sum(enrolled) AS enrolled, sum(completed) AS completed, sum(days) AS days,
              sum(graded) AS graded, sum(passed) AS passed, bool_or(active) AS active
         FROM (${source}) facts
        GROUP BY GROUPING SETS (${sets.join(', ')}))
     SELECT g, c, level,
            sum(enrolled)::int AS enrolments,
            (count(*) FILTER (WHERE enrolled > 0))::int AS "enrolledPeople",
            (count(*) FILTER (WHERE active))::int AS "activePeople",
            sum(completed)::int AS completions,
            (count(*) FILTER (WHERE completed > 0))::int AS "completedPeople",
            sum(days)::float8 AS days,
            sum(graded)::int AS graded,
            (count(*) FILTER (WHERE graded > 0))::int AS "gradedPeople",
            sum(passed)::int AS passed
       FROM per_person
      GROUP BY g, c, level`,
    [
      filter.scope,
      filter.institutionId,
      filter.cohortId,
      filter.courseId,
      filter.country,
      filter.department,
      filter.from,
      filter.to,
      filter.months,
      ...regions,
    ],
  )) as MeasureRow[];
}

/** Names of institutions, cohorts and courses as of the facts. */
export async function labelsOf(
  db: EntityManager,
  dimension: 'institution' | 'cohort' | 'course',
  keys: string[],
): Promise<Map<string, string>> {
  const rows = (await db.query(
    `SELECT key::text AS key, label FROM report_label WHERE dimension = $1 AND key = ANY ($2::uuid[])`,
    [dimension, keys],
  )) as { key: string; label: string }[];
  return new Map(rows.map((row) => [row.key, row.label]));
}

/**
 * Island or region answers given by at least 5 people among the facts in scope: the categories.
 * The rest are counted together as another island or region, so that a category's very name never
 * tells that someone from a small place is among the learners.
 */
export async function islandRegions(db: EntityManager, filter: FactFilter): Promise<string[]> {
  const rows = (await db.query(
    `SELECT f.island_region AS region FROM report_fact f
      WHERE f.island_region IS NOT NULL AND ${WHERE}
      GROUP BY f.island_region HAVING count(DISTINCT f.user_id) >= ${MIN_GROUP} ORDER BY 1`,
    [filter.scope, filter.institutionId, filter.cohortId, filter.courseId, filter.country, filter.department],
  )) as { region: string }[];
  return rows.map((row) => row.region);
}

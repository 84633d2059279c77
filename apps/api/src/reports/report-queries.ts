import type { EntityManager } from 'typeorm';
import {
  CATEGORY_COLUMN,
  GROUP_COLUMN,
  NO_COHORT,
  NOT_STATED,
  ONE_GROUP_PER_PERSON,
  OTHER,
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
  /** People in scope with any line in it, whatever the period (what naming a typed-in value needs). */
  members: number;
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
  SELECT ${group} AS g, ${category} AS c, f.person AS p,
         (f.enrolled_month BETWEEN $7 AND $8)::int AS enrolled,
         coalesce(f.completed_month BETWEEN $7 AND $8, false)::int AS completed,
         CASE WHEN f.completed_month BETWEEN $7 AND $8 THEN f.days_to_complete END AS days,
         coalesce(f.graded_month BETWEEN $7 AND $8, false)::int AS graded,
         coalesce(f.graded_month BETWEEN $7 AND $8 AND f.passed, false)::int AS passed,
         f.active_months && $9::date[] AS active
    FROM report_fact f
   WHERE ${WHERE}`;

/** Each enrolment once per month of the period with something in it, grouped by that month. */
const perMonth = (category: string) => `
  SELECT f.month AS g, ${category} AS c, f.person AS p,
         f.enrolled::int AS enrolled, f.completed::int AS completed,
         CASE WHEN f.completed THEN f.days_to_complete END AS days,
         f.graded::int AS graded, f.passed::int AS passed,
         f.active AND f.month = ANY ($9::date[]) AS active
    FROM report_fact_month f
   WHERE ${WHERE} AND f.month BETWEEN $7 AND $8`;

/** Once per person and cell: their enrolments in it added up. */
const perPerson = (source: string) => `
  SELECT g, c,
         sum(enrolled) AS enrolled, sum(completed) AS completed, sum(days) AS days,
         sum(graded) AS graded, sum(passed) AS passed, bool_or(active) AS active
    FROM (${source}) facts
   GROUP BY g, c, p`;

/** The measures of each cell, from lines that are each one person in one cell. */
const measures = (people: string, key: string) => `
  SELECT ${key} AS g, c::text AS c, count(*)::int AS members,
         sum(enrolled)::int AS enrolments,
         (count(*) FILTER (WHERE enrolled > 0))::int AS "enrolledPeople",
         (count(*) FILTER (WHERE active))::int AS "activePeople",
         sum(completed)::int AS completions,
         (count(*) FILTER (WHERE completed > 0))::int AS "completedPeople",
         sum(days)::float8 AS days,
         sum(graded)::int AS graded,
         (count(*) FILTER (WHERE graded > 0))::int AS "gradedPeople",
         sum(passed)::int AS passed
    FROM (${people}) people
   GROUP BY 1, 2`;

/**
 * Months without a filter on enrolments (course, cohort, institution, scope): each person-month's
 * first line of each kind is marked at the rebuild, so counting people needs no grouping per person.
 */
const monthsMarked = (category: string) => `
  SELECT to_char(f.month, 'YYYY-MM') AS g, (${category})::text AS c, 0 AS members,
         (count(*) FILTER (WHERE f.enrolled))::int AS enrolments,
         (count(*) FILTER (WHERE f.first_enrolled))::int AS "enrolledPeople",
         (count(*) FILTER (WHERE f.first_active AND f.month = ANY ($9::date[])))::int AS "activePeople",
         (count(*) FILTER (WHERE f.completed))::int AS completions,
         (count(*) FILTER (WHERE f.first_completed))::int AS "completedPeople",
         (sum(f.days_to_complete) FILTER (WHERE f.completed))::float8 AS days,
         (count(*) FILTER (WHERE f.graded))::int AS graded,
         (count(*) FILTER (WHERE f.first_graded))::int AS "gradedPeople",
         (count(*) FILTER (WHERE f.passed))::int AS passed
    FROM report_fact_month f
   WHERE ${WHERE} AND f.month BETWEEN $7 AND $8
   GROUP BY 1, 2`;

type Counts = Omit<MeasureRow, 'g' | 'c' | 'level'>;
type Line = Counts & { g: string | null; c: string | null };
const COUNTS: Array<keyof Counts> = [
  'members',
  'enrolments',
  'enrolledPeople',
  'activePeople',
  'completions',
  'completedPeople',
  'days',
  'graded',
  'gradedPeople',
  'passed',
];

/** Adds up lines whose people do not overlap (categories of one group; groups of one learner each). */
function sumOf(
  rows: MeasureRow[],
  g: string | null,
  c: string | null,
  level: MeasureRow['level'],
): MeasureRow {
  const total: MeasureRow = { g, c, level, ...(Object.fromEntries(COUNTS.map((k) => [k, 0])) as Counts) };
  let days: number | null = null;
  for (const row of rows) {
    for (const key of COUNTS) if (key !== 'days') total[key] += row[key];
    if (row.days !== null) days = (days ?? 0) + row.days;
  }
  total.days = days;
  return total;
}

/** Lines of one key, in insertion order. */
function byKey(
  rows: MeasureRow[],
  key: (row: MeasureRow) => string | null,
): Map<string | null, MeasureRow[]> {
  const map = new Map<string | null, MeasureRow[]>();
  for (const row of rows) {
    const k = key(row);
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
}

/**
 * The measures of every cell, group total, category total and the grand total. People are
 * counted once per cell however many of their enrolments fall in it, which is what suppression
 * weighs; grouping per person is most of a report's cost, so it is done only where needed:
 *   - a learner has one value of each characteristic: a group's total is the sum of its categories;
 *   - where a learner is in one group only (country, department), totals over groups are sums too;
 *   - a learner has one enrolment per course: a course's lines are people already;
 *   - months without a filter on enrolments count marked lines (report_fact_month);
 *   - otherwise cells group per person, and the totals over groups (the same whatever the
 *     grouping) come from one more grouping per person over the enrolments.
 */
export async function measureRows(
  db: EntityManager,
  filter: FactFilter,
  by: Breakdown | null,
  disaggregate: Disaggregation,
): Promise<MeasureRow[]> {
  const disaggregated = disaggregate !== 'none';
  const category = disaggregated ? CATEGORY_COLUMN[disaggregate] : 'NULL::text';
  const sums = by === null || ONE_GROUP_PER_PERSON.has(by);
  const enrolmentFilter =
    filter.scope !== null ||
    filter.institutionId !== null ||
    filter.cohortId !== null ||
    filter.courseId !== null;
  let cellsSql: string;
  if (by === 'month' && !enrolmentFilter) cellsSql = monthsMarked(category);
  else if (by === 'month') cellsSql = measures(perPerson(perMonth(category)), `to_char(g, 'YYYY-MM')`);
  else {
    const source = perEnrolment(by === null ? 'NULL::text' : GROUP_COLUMN[by], category);
    cellsSql = measures(by === 'course' ? source : perPerson(source), 'g::text');
  }
  // Totals over groups: one grouping per person over the enrolments, whatever the grouping; the
  // grand total is the sum of its categories.
  const totalsSql = sums ? null : measures(perPerson(perEnrolment('NULL::text', category)), 'NULL::text');
  const params = [
    filter.scope,
    filter.institutionId,
    filter.cohortId,
    filter.courseId,
    filter.country,
    filter.department,
    filter.from,
    filter.to,
    filter.months,
  ];
  // Grouping per person hashes up to a few hundred thousand lines: in memory, not on disk.
  const [cells, totals] = await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '32MB'`);
    return [
      (await tx.query(cellsSql, params)) as Line[],
      totalsSql ? ((await tx.query(totalsSql, params)) as Line[]) : [],
    ];
  });

  const noGroup = by === 'cohort' ? NO_COHORT : NOT_STATED;
  let result: MeasureRow[] = [];
  for (const { g, c, ...counts } of cells) {
    result.push({
      ...counts,
      g: by === null ? null : (g ?? noGroup),
      c: disaggregated ? (c ?? NOT_STATED) : null,
      level: ((by === null ? 2 : 0) + (disaggregated ? 0 : 1)) as MeasureRow['level'],
    });
  }
  for (const { c, ...counts } of totals) {
    result.push({
      ...counts,
      g: null,
      c: disaggregated ? (c ?? NOT_STATED) : null,
      level: disaggregated ? 2 : 3,
    });
  }
  // Typed-in names held by fewer than 5 people in the report are counted together as `other`.
  // Both are characteristics of a person, so the lines merged never share anyone.
  if (by === 'department') {
    const members = new Map<string | null, number>();
    for (const row of result) members.set(row.g, (members.get(row.g) ?? 0) + row.members);
    const small = (g: string | null) => g !== null && g !== NOT_STATED && (members.get(g) ?? 0) < MIN_GROUP;
    result = merge(result, (row) => (small(row.g) ? { ...row, g: OTHER } : row));
  }
  if (disaggregate === 'island_region') {
    const members = new Map<string | null, number>();
    for (const row of result)
      if (row.level === (sums ? 0 : 2)) members.set(row.c, (members.get(row.c) ?? 0) + row.members);
    const small = (c: string | null) => c !== null && c !== NOT_STATED && (members.get(c) ?? 0) < MIN_GROUP;
    result = merge(result, (row) => (small(row.c) ? { ...row, c: OTHER } : row));
  }
  const groupLines = result.filter((row) => row.level === 0);
  if (disaggregated) {
    for (const [g, rows] of byKey(groupLines, (row) => row.g)) result.push(sumOf(rows, g, null, 1));
  }
  if (sums && by !== null) {
    if (disaggregated) {
      for (const [c, rows] of byKey(groupLines, (row) => row.c)) result.push(sumOf(rows, null, c, 2));
    }
    result.push(sumOf(disaggregated ? groupLines : result.filter((row) => row.level === 1), null, null, 3));
  } else if (!sums && disaggregated) {
    result.push(
      sumOf(
        result.filter((row) => row.level === 2),
        null,
        null,
        3,
      ),
    );
  }
  return result;
}

/** Renames lines, then adds up those that now share a level, group and category. */
function merge(rows: MeasureRow[], rename: (row: MeasureRow) => MeasureRow): MeasureRow[] {
  const merged = byKey(rows.map(rename), (row) => `${row.level}|${row.g ?? ''}|${row.c ?? ''}`);
  return [...merged.values()].map((same) =>
    same.length === 1 ? same[0]! : sumOf(same, same[0]!.g, same[0]!.c, same[0]!.level),
  );
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

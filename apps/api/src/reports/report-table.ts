import { MEASURES, type MeasureName } from './report-dimensions.js';
import type { MeasureRow } from './report-queries.js';
import { protectTable } from './report-suppression.js';
import type { ReportCell } from './reports.dto.js';

const EMPTY: Omit<MeasureRow, 'g' | 'c' | 'level'> = {
  members: 0,
  enrolments: 0,
  enrolledPeople: 0,
  activePeople: 0,
  completions: 0,
  completedPeople: 0,
  days: null,
  graded: 0,
  gradedPeople: 0,
  passed: 0,
};

export interface ProtectedTable {
  /** `cells[row][column]`: groups then the totals row; categories then the total column. */
  cells: ReportCell[][];
}

/**
 * Lays the grouped counts out as the report shows them and withholds what small-group
 * suppression says, measure by measure (report-suppression.ts). Rows and columns absent from
 * the counts are zeros.
 */
export function protectedTable(rows: MeasureRow[], groups: string[], categories: string[]): ProtectedTable {
  const byKey = new Map(rows.map((row) => [`${row.level}|${row.g ?? ''}|${row.c ?? ''}`, row]));
  const disaggregated = categories.length > 0;
  const grid = [...groups.map((g) => g as string | null), null].map((g) =>
    [...(disaggregated ? categories : []), null].map((c): MeasureRow => {
      const level = ((g === null ? 2 : 0) + (c === null ? 1 : 0)) as MeasureRow['level'];
      return byKey.get(`${level}|${g ?? ''}|${c ?? ''}`) ?? { ...EMPTY, g, c, level };
    }),
  );
  const weights = (pick: (row: MeasureRow) => number) => grid.map((line) => line.map(pick));
  const enrolments = protectTable(
    weights((r) => r.enrolledPeople),
    { kind: 'count' },
  );
  const forced = enrolments;
  const hidden: Record<MeasureName, boolean[][]> = {
    enrolments,
    activeLearners: protectTable(
      weights((r) => r.activePeople),
      { kind: 'count', forced },
    ),
    completions: protectTable(
      weights((r) => r.completedPeople),
      { kind: 'count', forced },
    ),
    passRate: protectTable(
      weights((r) => r.gradedPeople),
      { kind: 'rate', forced },
    ),
    averageDaysToComplete: protectTable(
      weights((r) => r.completedPeople),
      { kind: 'rate', forced },
    ),
  };
  return {
    cells: grid.map((line, r) => line.map((row, c) => reportCell(row, (measure) => hidden[measure][r]![c]!))),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function reportCell(row: MeasureRow, isHidden: (measure: MeasureName) => boolean): ReportCell {
  if (isHidden('enrolments')) {
    return {
      suppressed: true,
      enrolments: null,
      activeLearners: null,
      completions: null,
      passRate: null,
      averageDaysToComplete: null,
      withheld: [...MEASURES],
    };
  }
  const values: Record<MeasureName, number | null> = {
    enrolments: row.enrolments,
    activeLearners: row.activePeople,
    completions: row.completions,
    passRate: row.graded > 0 ? round(row.passed / row.graded, 3) : null,
    averageDaysToComplete:
      row.completions > 0 && row.days !== null ? round(row.days / row.completions, 1) : null,
  };
  const withheld = MEASURES.filter(isHidden);
  for (const measure of withheld) values[measure] = null;
  return { suppressed: false, ...values, withheld } as ReportCell;
}

import { figure, type Breakdown, type Measure } from './reportTypes';

/** One bar: a group's figure for one category (or its total when the report is not split). */
export interface Bar {
  category: string;
  value: number | null | 'suppressed';
}

export interface ChartGroup {
  key: string;
  label: string;
  bars: Bar[];
}

/** The series a split report draws: its categories, or the one total when it is not split. */
export const TOTAL = '__total';
export const seriesOf = (breakdown: Breakdown): string[] =>
  breakdown.disaggregate === 'none' || breakdown.categories.length === 0 ? [TOTAL] : breakdown.categories;

/** The groups' figures for one measure, in the order the API sent them. */
export function chartGroups(
  breakdown: Breakdown,
  measure: Measure,
  groupLabel: (index: number) => string,
): ChartGroup[] {
  const series = seriesOf(breakdown);
  return breakdown.groups.map((group, index) => ({
    key: group.key,
    label: groupLabel(index),
    bars: series.map((category) => ({
      category,
      value: figure(category === TOTAL ? group.total : group.cells[category], measure),
    })),
  }));
}

/** The longest bar's figure: rates run to 100 %, counts to the largest shown. */
export function scaleMax(groups: ChartGroup[], measure: Measure): number {
  if (measure === 'passRate') return 1;
  let max = 0;
  for (const group of groups)
    for (const bar of group.bars) if (typeof bar.value === 'number') max = Math.max(max, bar.value);
  return max > 0 ? max : 1;
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chartGroups, scaleMax, seriesOf, TOTAL, type ChartGroup } from './chartSeries';
import { patternId, seriesColour, SeriesPatterns, SeriesSwatch } from './chartPatterns';
import type { Breakdown, Measure } from './reportTypes';
import type { ReportWords } from './useReportWords';
import { useWidth } from './useWidth';

// In CSS pixels: the chart is drawn at its box's width (never narrower than MIN_WIDTH, which
// scrolls sideways on a phone), so its words stay at the page's reading size.
const MIN_WIDTH = 560;
const HEADING = 24;
const ROW = 26;
const BAR = 18;
const GAP = 14;
const LABEL = 190;
const VALUE_ROOM = 130;

export interface BreakdownChartProps {
  breakdown: Breakdown;
  measure: Measure;
  words: ReportWords;
  /** The chart's name, also the caption of its table. */
  title: string;
  groupLabel: (index: number) => string;
}

/**
 * Horizontal bars, one per group (and per category when split), each labelled in words with its
 * figure; suppressed figures get no bar, only the word. Screen readers hear the summary (role="img");
 * the same figures are in the table that goes with the chart.
 */
export function BreakdownChart({ breakdown, measure, words, title, groupLabel }: BreakdownChartProps) {
  const { t } = useTranslation();
  const prefix = `report-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const groups = chartGroups(breakdown, measure, groupLabel);
  const series = seriesOf(breakdown);
  const split = series[0] !== TOTAL;
  const max = scaleMax(groups, measure);
  const [boxWidth, measureBox] = useWidth<HTMLDivElement>(720);
  const width = Math.max(boxWidth, MIN_WIDTH);
  const barStart = split ? LABEL : 0;
  const barRoom = width - barStart - VALUE_ROOM;
  const categoryLabel = (category: string) =>
    category === TOTAL ? t('reports:table.total') : words.category(breakdown.disaggregate, category);

  // Every group has a bar per series, so every group is the same height.
  const groupHeight = HEADING + series.length * ROW + GAP;
  const height = Math.max(groups.length * groupHeight, 1);

  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      {split ? (
        <ul className="report-legend" aria-label={t('reports:chart.legend')}>
          {series.map((category, index) => (
            <li key={category}>
              <SeriesSwatch prefix={prefix} index={index} /> {categoryLabel(category)}
            </li>
          ))}
        </ul>
      ) : null}
      {/* Focusable so keyboard users can scroll it on a phone, as the kit's tables. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="report-chart__scroll" tabIndex={0} role="region" aria-label={title} ref={measureBox}>
        <svg
          role="img"
          aria-label={chartSummary(groups, measure, words, title, t, categoryLabel)}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="report-chart__svg"
        >
          <defs>
            <SeriesPatterns prefix={prefix} count={series.length} />
          </defs>
          {groups.map((group, groupIndex) => {
            const top = groupIndex * groupHeight;
            return (
              <g key={group.key}>
                <text x="0" y={top + 17} className="report-chart__group">
                  {group.label}
                </text>
                {group.bars.map((bar, index) => {
                  const rowTop = top + HEADING + index * ROW;
                  const middle = rowTop + ROW / 2;
                  const length = typeof bar.value === 'number' ? Math.max((bar.value / max) * barRoom, 0) : 0;
                  return (
                    <g key={bar.category}>
                      {split ? (
                        <text x="8" y={middle} dominantBaseline="middle" className="report-chart__category">
                          {categoryLabel(bar.category)}
                        </text>
                      ) : null}
                      {typeof bar.value === 'number' ? (
                        <rect
                          x={barStart}
                          y={middle - BAR / 2}
                          width={length}
                          height={BAR}
                          fill={`url(#${patternId(prefix, index)})`}
                          stroke={seriesColour(index)}
                          strokeWidth="1.5"
                        />
                      ) : null}
                      <text
                        x={barStart + length + 6}
                        y={middle}
                        dominantBaseline="middle"
                        className={
                          bar.value === 'suppressed'
                            ? 'report-chart__value report-chart__value--hidden'
                            : 'report-chart__value'
                        }
                      >
                        {words.value(measure, bar.value)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

/** What the chart shows, in one or two sentences: what is measured, the largest figure, what is hidden. */
function chartSummary(
  groups: ChartGroup[],
  measure: Measure,
  words: ReportWords,
  title: string,
  t: (key: string, options?: Record<string, unknown>) => string,
  categoryLabel: (category: string) => string,
): string {
  let highest: { label: string; value: number } | undefined;
  let suppressed = 0;
  for (const group of groups) {
    for (const bar of group.bars) {
      if (bar.value === 'suppressed') suppressed += 1;
      else if (typeof bar.value === 'number' && (highest === undefined || bar.value > highest.value)) {
        const label = bar.category === TOTAL ? group.label : `${group.label}, ${categoryLabel(bar.category)}`;
        highest = { label, value: bar.value };
      }
    }
  }
  const parts = [t('reports:chart.summary', { title, count: groups.length })];
  if (highest)
    parts.push(
      t('reports:chart.highest', { label: highest.label, value: words.value(measure, highest.value) }),
    );
  if (suppressed > 0) parts.push(t('reports:chart.suppressedCount', { count: suppressed }));
  parts.push(t('reports:chart.seeTable'));
  return parts.join(' ');
}

import { useTranslation } from 'react-i18next';
import { Table } from '@archipelago/ui';
import { seriesOf, TOTAL } from './chartSeries';
import { figure, MEASURES, type Breakdown, type Cell, type Measure } from './reportTypes';
import type { ReportWords } from './useReportWords';

interface TableProps {
  breakdown: Breakdown;
  words: ReportWords;
  groupLabel: (index: number) => string;
  caption: string;
}

interface Row {
  key: string;
  label: string;
  cells: Record<string, Cell>;
  total: Cell;
}

/** The groups, then everything together (the API withholds its figures as carefully as the groups'). */
function rowsOf(breakdown: Breakdown, groupLabel: (index: number) => string, allLabel: string): Row[] {
  return [
    ...breakdown.groups.map((group, index) => ({ ...group, label: groupLabel(index) })),
    { key: TOTAL, label: allLabel, cells: breakdown.totals.cells, total: breakdown.totals.total },
  ];
}

const cellOf = (row: Row, category: string) => (category === TOTAL ? row.total : row.cells[category]);

/** The chart's figures as a table: a row per group, a column per category (and the total). */
export function ChartDataTable({
  breakdown,
  words,
  groupLabel,
  measure,
  caption,
}: TableProps & { measure: Measure }) {
  const { t } = useTranslation();
  const series = seriesOf(breakdown);
  const columns = series[0] === TOTAL ? [TOTAL] : [...series, TOTAL];
  return (
    <Table<Row>
      caption={caption}
      rows={rowsOf(breakdown, groupLabel, t('reports:table.allGroups'))}
      rowKey={(row) => row.key}
      columns={[
        { key: 'group', header: words.dimension(breakdown.by), render: (row) => row.label },
        ...columns.map((category) => ({
          key: category,
          header:
            category === TOTAL ? t('reports:table.total') : words.category(breakdown.disaggregate, category),
          render: (row: Row) => (
            <Figure value={figure(cellOf(row, category), measure)} measure={measure} words={words} />
          ),
        })),
      ]}
    />
  );
}

interface Line {
  key: string;
  label: string;
  cell: Cell | undefined;
}

/** Every measure for every group, and for each category of a split report. */
export function AllMeasuresTable({ breakdown, words, groupLabel, caption }: TableProps) {
  const { t } = useTranslation();
  const series = seriesOf(breakdown);
  const lines: Line[] = rowsOf(breakdown, groupLabel, t('reports:table.allGroups')).flatMap((row) => {
    if (series[0] === TOTAL) return [{ key: row.key, label: row.label, cell: row.total }];
    return [
      ...series.map((category) => ({
        key: `${row.key}|${category}`,
        label: t('reports:table.groupAndCategory', {
          group: row.label,
          category: words.category(breakdown.disaggregate, category),
        }),
        cell: row.cells[category],
      })),
      {
        key: `${row.key}|${TOTAL}`,
        label: t('reports:table.groupTotal', { group: row.label }),
        cell: row.total,
      },
    ];
  });
  return (
    <Table<Line>
      caption={caption}
      rows={lines}
      rowKey={(line) => line.key}
      columns={[
        { key: 'group', header: words.dimension(breakdown.by), render: (line) => line.label },
        ...MEASURES.map((measure) => ({
          key: measure,
          header: words.measure(measure),
          render: (line: Line) => (
            <Figure value={figure(line.cell, measure)} measure={measure} words={words} />
          ),
        })),
      ]}
    />
  );
}

/** A cell's figure; a suppressed one is the word, in italics so it does not read as a number. */
export function Figure({
  value,
  measure,
  words,
}: {
  value: number | null | 'suppressed';
  measure: Measure;
  words: ReportWords;
}) {
  if (value === 'suppressed') return <em className="report-suppressed">{words.value(measure, value)}</em>;
  return <>{words.value(measure, value)}</>;
}

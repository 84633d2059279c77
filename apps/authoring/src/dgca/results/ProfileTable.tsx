import { useTranslation } from 'react-i18next';
import { Table, type TableColumn } from '@archipelago/ui';
import type { DimensionResult } from './resultsTypes';
import type { ResultsWords } from './useResultsWords';

export interface ProfileTableProps {
  dimensions: DimensionResult[];
  withheld: boolean;
  /** Shows the previous assessment's scores and the change since. */
  withPrevious: boolean;
  words: ResultsWords;
  caption: string;
}

/** The capability profile in figures, one row per dimension: the chart's data, and more. */
export function ProfileTable({ dimensions, withheld, withPrevious, words, caption }: ProfileTableProps) {
  const { t } = useTranslation();
  // Averages and spreads rest on individual ratings: withheld below three raters, and said so.
  const individual = (value: number | null, format: (value: number | null) => string) =>
    withheld ? t('dgcaResults:withheldWord') : format(value);
  const columns: TableColumn<DimensionResult>[] = [
    { key: 'name', header: t('dgcaResults:profile.dimension'), render: (row) => row.name },
    {
      key: 'statements',
      header: t('dgcaResults:profile.statements'),
      render: (row) => words.count(row.statements),
    },
    {
      key: 'average',
      header: t('dgcaResults:profile.average'),
      render: (row) => individual(row.average, words.score),
    },
    {
      key: 'spread',
      header: t('dgcaResults:profile.spread'),
      render: (row) => individual(row.spread, words.spread),
    },
    {
      key: 'consensus',
      header: t('dgcaResults:profile.consensus'),
      render: (row) => words.score(row.consensus),
    },
    { key: 'score', header: t('dgcaResults:profile.score'), render: (row) => words.score(row.score) },
  ];
  if (withPrevious)
    columns.push(
      {
        key: 'previous',
        header: t('dgcaResults:profile.previous'),
        render: (row) => words.score(row.previousScore),
      },
      { key: 'change', header: t('dgcaResults:profile.change'), render: (row) => words.change(row.change) },
    );
  return <Table caption={caption} columns={columns} rows={dimensions} rowKey={(row) => row.key} />;
}

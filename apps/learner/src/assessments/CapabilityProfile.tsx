import { useTranslation } from 'react-i18next';
import { RadarChart, Table, type RadarSeries, type TableColumn } from '@archipelago/ui';
import type { DimensionResult, ResultsView } from './assessments-api';
import { useScoreFormat } from './score-format';

/**
 * The profile per dimension: a radar chart for the shape, and the table with every figure (the
 * chart is one image to a screen reader; the table is where the numbers are read).
 */
export function CapabilityProfile({ results }: { results: ResultsView }) {
  const { t } = useTranslation();
  const format = useScoreFormat();
  const dimensions = results.dimensions;
  const hasPrevious = dimensions.some((dimension) => dimension.previousScore !== null);
  const hasConsensus = dimensions.some((dimension) => dimension.consensus !== null);

  const series: RadarSeries[] = [];
  // Withheld (too few raters): every average is null, and a legend entry would promise a line.
  if (dimensions.some((dimension) => dimension.average !== null))
    series.push({
      key: 'average',
      label: t('assessments:profile.average'),
      values: dimensions.map((dimension) => dimension.average),
      style: 'solid',
    });
  if (hasConsensus)
    series.push({
      key: 'consensus',
      label: t('assessments:profile.consensus'),
      values: dimensions.map((dimension) => dimension.consensus),
      style: 'dashed',
    });
  if (hasPrevious)
    series.push({
      key: 'previous',
      label: t('assessments:profile.previous'),
      values: dimensions.map((dimension) => dimension.previousScore),
      style: 'dotted',
    });

  const figure = (value: number | null, write: (value: number) => string = format.score) =>
    value === null ? t('assessments:profile.none') : write(value);
  const columns: TableColumn<DimensionResult>[] = [
    { key: 'name', header: t('assessments:profile.dimension'), render: (row) => row.name },
    { key: 'score', header: t('assessments:profile.score'), render: (row) => figure(row.score) },
    { key: 'average', header: t('assessments:profile.average'), render: (row) => figure(row.average) },
    { key: 'spread', header: t('assessments:profile.spread'), render: (row) => figure(row.spread) },
    { key: 'consensus', header: t('assessments:profile.consensus'), render: (row) => figure(row.consensus) },
  ];
  if (hasPrevious)
    columns.push(
      {
        key: 'previous',
        header: t('assessments:profile.previous'),
        render: (row) => figure(row.previousScore),
      },
      {
        key: 'change',
        header: t('assessments:profile.change'),
        render: (row) => figure(row.change, format.change),
      },
    );

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('assessments:profile.title')}</h2>
      <p>
        {t('assessments:profile.intro', {
          min: format.whole(results.scale.min),
          max: format.whole(results.scale.max),
        })}
      </p>
      <RadarChart
        axes={dimensions.map((dimension) => ({ key: dimension.key, label: dimension.name }))}
        series={series}
        min={results.scale.min}
        max={results.scale.max}
        title={t('assessments:profile.chartTitle')}
        description={t('assessments:profile.chartDescription')}
        formatValue={format.whole}
      />
      <Table
        caption={t('assessments:profile.tableCaption')}
        columns={columns}
        rows={dimensions}
        rowKey={(row) => row.key}
      />
      {results.previous ? (
        <p>{t('assessments:profile.previousNote', { title: results.previous.title })}</p>
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { RadarChart, type RadarSeries } from '@archipelago/ui';
import type { ResultsView } from './resultsTypes';
import type { ResultsWords } from './useResultsWords';

/**
 * The profile as a radar: the team's average, the agreed (consensus) score and the previous
 * assessment's score, each drawn only when there is something to draw. The figures themselves are in
 * the profile table that follows, which the description points to.
 */
export function ProfileChart({ results, words }: { results: ResultsView; words: ResultsWords }) {
  const { t } = useTranslation();
  const dimensions = results.dimensions;
  const candidates: RadarSeries[] = [
    {
      key: 'average',
      label: t('dgcaResults:profile.average'),
      values: dimensions.map((dimension) => (results.withheld ? null : dimension.average)),
      style: 'solid',
    },
    {
      key: 'consensus',
      label: t('dgcaResults:profile.consensus'),
      values: dimensions.map((dimension) => dimension.consensus),
      style: 'dashed',
    },
    {
      key: 'previous',
      label: t('dgcaResults:profile.previous'),
      values: dimensions.map((dimension) => dimension.previousScore),
      style: 'dotted',
    },
  ];
  const series = candidates.filter((entry) => entry.values.some((value) => value !== null));
  if (series.length === 0) return <p>{t('dgcaResults:profile.nothingToDraw')}</p>;
  return (
    <RadarChart
      axes={dimensions.map((dimension) => ({ key: dimension.key, label: dimension.name }))}
      series={series}
      min={results.scale.min}
      max={results.scale.max}
      title={t('dgcaResults:profile.chartTitle')}
      description={t('dgcaResults:profile.chartDescription', {
        min: words.count(results.scale.min),
        max: words.count(results.scale.max),
        series: series.map((entry) => entry.label).join(', '),
      })}
      formatValue={words.count}
    />
  );
}

import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, buttonClassName, Page, Skeleton, useAnnounce } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { BreakdownChart } from './BreakdownChart';
import { BreakdownChoiceForm, type BreakdownChoice } from './BreakdownChoiceForm';
import { AllMeasuresTable, ChartDataTable } from './BreakdownTables';
import { breakdownCsvUrl, getBreakdown, getSummary, type BreakdownQuery } from './reports-api';
import { ReportFiltersForm } from './ReportFiltersForm';
import {
  DIMENSIONS,
  DISAGGREGATIONS,
  filtersFromParams,
  anyWithheld,
  MEASURES,
  oneOf,
  type Breakdown,
} from './reportTypes';
import { SummaryFigures } from './SummaryFigures';
import { useReportWords, type ReportWords } from './useReportWords';
import './reports.css';

/**
 * /reports — who was reached: enrolments, activity, completions and pass rates, broken down and
 * split by what learners chose to say about themselves. Small groups arrive suppressed from the API;
 * the page says so in words wherever one would have been.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const words = useReportWords();
  const [params] = useSearchParams();
  const filters = filtersFromParams(params);
  const choice: BreakdownChoice = {
    by: oneOf(DIMENSIONS, params.get('by'), 'country'),
    disaggregate: oneOf(DISAGGREGATIONS, params.get('disaggregate'), 'none'),
    measure: oneOf(MEASURES, params.get('measure'), 'completions'),
  };
  const query: BreakdownQuery = { ...filters, by: choice.by, disaggregate: choice.disaggregate };
  const filterKey = JSON.stringify(filters);
  // A period that ends before it starts is refused by the API in English: said here instead.
  const reversed = Boolean(filters.from && filters.to && filters.from > filters.to);
  const summary = useApiData(filterKey, (signal) => getSummary(filters, signal));
  const breakdown = useApiData(JSON.stringify(query), (signal) => getBreakdown(query, signal));
  // After "Show breakdown", screen readers hear when the new figures are there (or that they failed).
  const announce = useAnnounce();
  const asked = useRef(false);
  const breakdownState = breakdown.state;
  const address = params.toString();
  useEffect(() => {
    if (!asked.current || breakdownState.status === 'loading') return;
    asked.current = false;
    announce(
      t(breakdownState.status === 'ready' ? 'reports:breakdown.shown' : 'reports:breakdown.loadFailed'),
    );
  }, [breakdownState, address, announce, t]);
  // What the figures cover and when they were taken, from whichever report answered.
  const answered =
    breakdown.state.status === 'ready'
      ? breakdown.state.data
      : summary.state.status === 'ready'
        ? summary.state.data
        : undefined;
  const { from: periodFrom, to: periodTo } = answered?.period ?? { from: null, to: null };
  const periodText =
    periodFrom && periodTo
      ? t('reports:period', { from: words.month(periodFrom), to: words.month(periodTo) })
      : periodFrom
        ? t('reports:periodFrom', { from: words.month(periodFrom) })
        : periodTo
          ? t('reports:periodTo', { to: words.month(periodTo) })
          : null;

  return (
    <Page title={t('reports:title')}>
      <p>{t('reports:intro')}</p>
      <ReportFiltersForm filters={filters} />
      {reversed ? (
        <Alert title={t('reports:filters.reversedTitle')}>
          <p>
            {t('reports:filters.reversed', {
              from: words.month(filters.from!),
              to: words.month(filters.to!),
            })}
          </p>
        </Alert>
      ) : null}
      {answered ? (
        <p className="report-as-of">
          {periodText ? `${periodText} ` : null}
          {t('reports:dataAsOf', { time: words.dateTime(answered.dataAsOf) })}
        </p>
      ) : null}
      <p className="report-privacy" id="report-suppressed-note">
        <strong>{t('reports:suppressed.word')}</strong>: {t('reports:suppressed.explanation')}
      </p>
      {summary.state.status === 'loading' ? (
        <Skeleton lines={3} label={t('reports:summary.loading')} />
      ) : null}
      {summary.state.status === 'failed' && !reversed ? (
        <ProblemAlert
          problem={summary.state.problem}
          title={t('reports:summary.loadFailed')}
          onRetry={summary.reload}
        />
      ) : null}
      {summary.state.status === 'ready' ? (
        <SummaryFigures totals={summary.state.data.totals} words={words} />
      ) : null}
      <section className="studio-section" aria-labelledby="report-breakdown-heading">
        <h2 id="report-breakdown-heading">{t('reports:breakdown.heading')}</h2>
        <BreakdownChoiceForm
          choice={choice}
          words={words}
          onShow={() => {
            asked.current = true;
          }}
        />
        {breakdown.state.status === 'loading' ? (
          <Skeleton lines={8} label={t('reports:breakdown.loading')} />
        ) : null}
        {breakdown.state.status === 'failed' && !reversed ? (
          <ProblemAlert
            problem={breakdown.state.problem}
            title={t('reports:breakdown.loadFailed')}
            onRetry={breakdown.reload}
            headingLevel={3}
          />
        ) : null}
        {breakdown.state.status === 'ready' ? (
          <BreakdownResult breakdown={breakdown.state.data} choice={choice} query={query} words={words} />
        ) : null}
      </section>
    </Page>
  );
}

function BreakdownResult({
  breakdown,
  choice,
  query,
  words,
}: {
  breakdown: Breakdown;
  choice: BreakdownChoice;
  query: BreakdownQuery;
  words: ReportWords;
}) {
  const { t, i18n } = useTranslation();
  const groupLabel = (index: number) => words.group(breakdown.by, breakdown.groups[index]!);
  const title =
    breakdown.disaggregate === 'none'
      ? t('reports:chart.title', {
          measure: words.measure(choice.measure),
          by: words.dimensionInText(breakdown.by),
        })
      : t('reports:chart.titleSplit', {
          measure: words.measure(choice.measure),
          by: words.dimensionInText(breakdown.by),
          split: words.disaggregationInText(breakdown.disaggregate),
        });
  const anySuppressed = breakdown.groups.some(
    (group) => anyWithheld(group.total) || Object.values(group.cells).some(anyWithheld),
  );
  return (
    <>
      <p>
        <a
          className={buttonClassName('secondary')}
          href={breakdownCsvUrl(query, i18n.resolvedLanguage ?? i18n.language)}
          download
        >
          {t('reports:exportCsv')}
        </a>
      </p>
      {breakdown.groups.length === 0 ? (
        <p>{t('reports:breakdown.empty')}</p>
      ) : (
        <>
          {anySuppressed ? <p>{t('reports:suppressed.inThisReport')}</p> : null}
          <BreakdownChart
            breakdown={breakdown}
            measure={choice.measure}
            words={words}
            title={title}
            groupLabel={groupLabel}
          />
          <details className="report-chart-table">
            <summary>{t('reports:chart.showTable')}</summary>
            <ChartDataTable
              breakdown={breakdown}
              measure={choice.measure}
              words={words}
              groupLabel={groupLabel}
              caption={t('reports:chart.tableCaption', { title })}
            />
          </details>
          <h3>{t('reports:table.heading')}</h3>
          <AllMeasuresTable
            breakdown={breakdown}
            words={words}
            groupLabel={groupLabel}
            caption={
              breakdown.disaggregate === 'none'
                ? t('reports:table.caption', { by: words.dimensionInText(breakdown.by) })
                : t('reports:table.captionSplit', {
                    by: words.dimensionInText(breakdown.by),
                    split: words.disaggregationInText(breakdown.disaggregate),
                  })
            }
          />
        </>
      )}
    </>
  );
}

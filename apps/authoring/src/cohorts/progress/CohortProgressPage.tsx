import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Page, Skeleton, buttonClassName, useAnnounce, useFormatters } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApiData } from '../../data/useApiData';
import { LearnersTable } from './LearnersTable';
import { getCohort, listProgress, progressCsvUrl } from './progress-api';
import { ProgressFilters } from './ProgressFilters';
import { ProgressSummaryFilters } from './ProgressSummaryFilters';
import { ReminderDialog } from './ReminderDialog';
import { useProgressQuery } from './useProgressQuery';
import { useSelection } from './useSelection';
import '../../components/page-nav.css';
import './cohort-progress.css';

/** /cohorts/:cohortId/progress — how each learner of a cohort is doing, reminders and the CSV. */
export default function CohortProgressPage() {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const format = useFormatters();
  const { cohortId = '' } = useParams();
  const query = useProgressQuery();
  const cohort = useApiData(cohortId, (signal) => getCohort(cohortId, signal));
  const progress = useApiData(
    `${cohortId}|${query.status}|${query.q}|${query.sort}|${query.page}`,
    (signal) => listProgress(cohortId, query, signal),
  );
  const selection = useSelection();
  const [reminding, setReminding] = useState(false);
  const [sent, setSent] = useState<number | null>(null);

  const place = cohort.state.status === 'ready' ? cohort.state.data : undefined;
  const closed = place?.status === 'closed';
  const data = progress.state.status === 'ready' ? progress.state.data : undefined;
  const title = place ? t('cohortProgress:title', { cohort: place.name }) : t('cohortProgress:short');

  const onSent = (count: number) => {
    setReminding(false);
    setSent(count);
    announce(t('cohortProgress:reminder.sent', { count, formatted: format.number(count) }));
  };

  return (
    <Page title={title} documentTitle={t('cohortProgress:short')}>
      <nav aria-label={t('common.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/cohorts">{t('cohortProgress:breadcrumb.cohorts')}</Link>
          </li>
          <li>
            <Link to={`/cohorts/${cohortId}`}>{place?.name ?? t('cohortProgress:breadcrumb.cohort')}</Link>
          </li>
          <li aria-current="page">{t('cohortProgress:breadcrumb.current')}</li>
        </ol>
      </nav>
      {cohort.state.status === 'loading' ? <Skeleton lines={3} label={t('cohortProgress:loading')} /> : null}
      {cohort.state.status === 'failed' ? (
        <ProblemAlert
          title={t('cohortProgress:loadFailed')}
          problem={cohort.state.problem}
          onRetry={cohort.reload}
        />
      ) : null}
      {place ? (
        <>
          {closed ? (
            <Alert tone="info" title={t('cohortProgress:closed.title')}>
              <p>{t('cohortProgress:closed.body')}</p>
            </Alert>
          ) : null}
          {sent !== null ? (
            // Announced once through the live region when sent; this stays as the record.
            <div className="arch-alert arch-alert--info">
              <h2>{t('cohortProgress:reminder.sentTitle')}</h2>
              <p>{t('cohortProgress:reminder.sent', { count: sent, formatted: format.number(sent) })}</p>
            </div>
          ) : null}
          <div className="arch-actions">
            {!closed && data ? (
              <Button aria-haspopup="dialog" onClick={() => setReminding(true)}>
                {t('cohortProgress:reminder.open')}
              </Button>
            ) : null}
            <a
              className={buttonClassName('secondary')}
              href={progressCsvUrl(cohortId, query, i18n.resolvedLanguage ?? i18n.language)}
              download
              aria-describedby="cohort-progress-csv-hint"
            >
              {t('cohortProgress:csv.export')}
            </a>
          </div>
          <p className="studio-muted" id="cohort-progress-csv-hint">
            {t('cohortProgress:csv.hint')}
          </p>
          {data ? <ProgressSummaryFilters summary={data.summary} current={query.status} /> : null}
          <ProgressFilters q={query.q} sort={query.sort} />
          <LearnersTable
            state={progress.state}
            reload={progress.reload}
            filtered={Boolean(query.status || query.q)}
            selection={closed ? undefined : selection}
          />
          {data && !closed ? (
            <ReminderDialog
              cohortId={cohortId}
              open={reminding}
              onClose={() => setReminding(false)}
              summary={data.summary}
              selectedIds={selection.ids}
              onSent={onSent}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Skeleton, Table, useAnnounce } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import type { BatchDetail } from './certificateTypes';
import { useBatchProgress } from './useBatchProgress';
import { useCertificateWords } from './useCertificateWords';

export const BATCH_REPORT_HEADING_ID = 'certificate-batch-report-heading';

export interface BatchReportProps {
  courseId: string;
  batchId: string;
  /** Just started on this page: its end is announced even when the first reading already finds it done. */
  live: boolean;
  /** The batch finished: the certificates list and the batch history read again. */
  onFinished: () => void;
}

/** A batch's live progress while it runs, then what happened to each learner. */
export function BatchReport({ courseId, batchId, live, onFinished }: BatchReportProps) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  const announce = useAnnounce();
  const { progress, retry } = useBatchProgress(batchId);
  const batch = progress.status === 'ready' ? progress.batch : null;
  const finished = batch !== null && (batch.status === 'done' || batch.status === 'failed');
  const wasRunning = useRef<boolean | null>(null);

  useEffect(() => {
    if (!batch) return;
    // Announced when the reader saw it running and it ended, not when an old report is opened.
    const sawItRun = wasRunning.current ?? live;
    if (finished && sawItRun) {
      announce(
        batch.status === 'done'
          ? t('certificates.batch.finished', { issued: batch.issued, skipped: batch.skipped })
          : t('certificates.batch.failedNow'),
      );
      onFinished();
    }
    wasRunning.current = !finished;
  }, [batch, finished, live, announce, t, onFinished]);

  return (
    <section className="studio-section" aria-labelledby={BATCH_REPORT_HEADING_ID}>
      <h3 id={BATCH_REPORT_HEADING_ID} tabIndex={-1}>
        {batch
          ? t('certificates.batch.reportHeading', { date: words.dateTime(batch.createdAt) })
          : t('certificates.batch.reportHeadingLoading')}
      </h3>
      {progress.status === 'loading' ? <Skeleton lines={3} label={t('certificates.batch.loading')} /> : null}
      {progress.status === 'failed' ? (
        <ProblemAlert
          title={t('certificates.batch.loadFailed')}
          problem={progress.problem}
          onRetry={retry}
          headingLevel={3}
        />
      ) : null}
      {batch ? (
        <>
          <p>
            {t('certificates.batch.requested', {
              name: batch.requestedBy.name,
              reason: batch.reason,
            })}
          </p>
          <p>
            {batch.cohort
              ? t('certificates.batch.forCohort', { name: batch.cohort.name })
              : t('certificates.batch.forAll')}
          </p>
          <BatchProgressBar batch={batch} />
          {batch.status === 'failed' ? (
            <Alert title={t('certificates.batch.failedTitle')} headingLevel={3}>
              <p>{t('certificates.batch.failedBody')}</p>
              {batch.error ? <p>{batch.error}</p> : null}
            </Alert>
          ) : null}
          {finished ? <ReportTable courseId={courseId} batch={batch} /> : null}
        </>
      ) : null}
    </section>
  );
}

function BatchProgressBar({ batch }: { batch: BatchDetail }) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  const total = batch.total;
  const valueText =
    total === null
      ? t('certificates.batch.waiting', { status: words.batchStatus(batch.status) })
      : t('certificates.batch.progress', {
          processed: words.number(batch.processed),
          total: words.number(total),
          issued: words.number(batch.issued),
          skipped: words.number(batch.skipped),
        });
  const percent = total ? Math.round((batch.processed / total) * 100) : batch.status === 'done' ? 100 : 0;
  return (
    <div className="certificate-progress">
      <p id="certificate-batch-progress-label">
        {t('certificates.batch.progressLabel', { status: words.batchStatus(batch.status) })}
      </p>
      <div
        role="progressbar"
        className="certificate-progress__track"
        aria-labelledby="certificate-batch-progress-label"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total === null ? undefined : batch.processed}
        aria-valuetext={valueText}
      >
        <div className="certificate-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p>{valueText}</p>
    </div>
  );
}

function ReportTable({ courseId, batch }: { courseId: string; batch: BatchDetail }) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  if (batch.items.length === 0) return <p>{t('certificates.batch.nobody')}</p>;
  return (
    <Table<BatchDetail['items'][number]>
      caption={t('certificates.batch.reportCaption')}
      rows={batch.items}
      rowKey={(item) => item.userId}
      columns={[
        { key: 'learner', header: t('certificates.batch.learner'), render: (item) => item.learnerName },
        {
          key: 'outcome',
          header: t('certificates.batch.outcome'),
          render: (item) => words.outcome(item.outcome),
        },
        {
          key: 'certificate',
          header: t('certificates.batch.certificate'),
          render: (item) =>
            item.certificateId ? (
              <Link
                to={{
                  pathname: `/courses/${courseId}/certificates`,
                  search: `?q=${encodeURIComponent(item.learnerName)}`,
                }}
                aria-label={t('certificates.batch.seeCertificateOf', { name: item.learnerName })}
              >
                {t('certificates.batch.seeCertificate')}
              </Link>
            ) : (
              t('certificates.batch.noCertificate')
            ),
        },
      ]}
    />
  );
}

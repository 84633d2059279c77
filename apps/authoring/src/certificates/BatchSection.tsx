import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Skeleton, Table, useAnnounce } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import type { Problem } from '../data/problem';
import { useSubmit } from '../data/useSubmit';
import { ActionDialogButton } from './ActionDialogButton';
import { ReasonField } from './ReasonField';
import { BATCH_REPORT_HEADING_ID, BatchReport } from './BatchReport';
import { BatchAudienceField } from './BatchAudienceField';
import { listBatches, listCourseCohorts, startBatch } from './certificates-api';
import type { BatchView } from './certificateTypes';
import { useCertificateWords } from './useCertificateWords';

const REASON_ID = 'certificate-batch-reason';
const AUDIENCE_ID = 'certificate-batch-cohort';
const HEADING_ID = 'certificate-batches-heading';

/**
 * "Issue to all eligible learners" (or to one cohort's) as a background job, its live progress and
 * report, and past batches.
 */
export function BatchSection({ courseId, onChanged }: { courseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [reason, setReason] = useState('');
  const [cohortId, setCohortId] = useState('');
  const batches = useApiData(`batches:${courseId}`, (signal) => listBatches(courseId, signal));
  const cohorts = useApiData(`batch-cohorts:${courseId}`, (signal) => listCourseCohorts(courseId, signal));
  // The batch whose report is shown: one started here (live), or one picked from the history.
  const [shown, setShown] = useState<{ id: string; live: boolean } | null>(null);
  const newest = batches.state.status === 'ready' ? batches.state.data.items[0] : undefined;
  const running = newest && (newest.status === 'queued' || newest.status === 'running') ? newest : undefined;
  const current = shown ?? (running ? { id: running.id, live: true } : null);

  const reloadBatches = batches.reload;
  const onFinished = useCallback(() => {
    reloadBatches();
    onChanged();
  }, [reloadBatches, onChanged]);

  const show = (id: string) => {
    setShown({ id, live: false });
    requestAnimationFrame(() => document.getElementById(BATCH_REPORT_HEADING_ID)?.focus());
  };

  const explain = (problem: Problem) => {
    if (problem.status === 409) return t('certificates.batch.alreadyRunning');
    // The cohort was changed or hidden since the list was read.
    if (cohortId && (problem.status === 404 || problem.status === 422))
      return t('certificates.batch.cohortRefused');
    return undefined;
  };

  return (
    <section className="studio-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} tabIndex={-1}>
        {t('certificates.batch.heading')}
      </h2>
      <p>{t('certificates.batch.intro')}</p>
      <ActionDialogButton
        label={t('certificates.batch.button')}
        variant="secondary"
        dialogTitle={t('certificates.batch.title')}
        submitLabel={t('certificates.batch.submit')}
        submit={submit}
        fieldIds={{ reason: REASON_ID, cohortId: AUDIENCE_ID }}
        explain={explain}
        onOpen={() => {
          setReason('');
          setCohortId('');
          cohorts.reload();
        }}
        onSubmit={async () => {
          const body = { reason: reason.trim(), ...(cohortId ? { cohortId } : {}) };
          const result = await submit.run(() => startBatch(courseId, body));
          if (!result.ok || !result.data) return false;
          setShown({ id: result.data.id, live: true });
          announce(t('certificates.batch.started'));
          batches.reload();
          return true;
        }}
      >
        <p>{t('certificates.batch.body')}</p>
        <BatchAudienceField
          id={AUDIENCE_ID}
          cohorts={cohorts.state}
          value={cohortId}
          onChange={setCohortId}
          problem={submit.problem}
        />
        <ReasonField
          id={REASON_ID}
          hint={t('certificates.batch.reasonHint')}
          value={reason}
          onChange={setReason}
          problem={submit.problem}
        />
      </ActionDialogButton>
      {current ? (
        <BatchReport
          key={current.id}
          courseId={courseId}
          batchId={current.id}
          live={current.live}
          onFinished={onFinished}
        />
      ) : null}
      <h3>{t('certificates.batch.historyHeading')}</h3>
      {batches.state.status === 'loading' ? (
        <Skeleton lines={3} label={t('certificates.batch.historyLoading')} />
      ) : null}
      {batches.state.status === 'failed' ? (
        <ProblemAlert
          title={t('certificates.batch.historyFailed')}
          problem={batches.state.problem}
          onRetry={batches.reload}
          headingLevel={3}
        />
      ) : null}
      {batches.state.status === 'ready' ? (
        batches.state.data.items.length === 0 ? (
          <p>{t('certificates.batch.none')}</p>
        ) : (
          <Table<BatchView>
            caption={t('certificates.batch.historyCaption')}
            rows={batches.state.data.items}
            rowKey={(batch) => batch.id}
            columns={[
              {
                key: 'createdAt',
                header: t('certificates.batch.requestedAt'),
                render: (batch) => words.dateTime(batch.createdAt),
              },
              {
                key: 'by',
                header: t('certificates.batch.requestedBy'),
                render: (batch) => batch.requestedBy.name,
              },
              {
                key: 'learners',
                header: t('certificates.batch.learners'),
                render: (batch) => batch.cohort?.name ?? t('certificates.batch.allLearners'),
              },
              {
                key: 'status',
                header: t('certificates.batch.status'),
                render: (batch) => words.batchStatus(batch.status),
              },
              {
                key: 'counts',
                header: t('certificates.batch.counts'),
                render: (batch) =>
                  t('certificates.batch.countsValue', {
                    issued: words.number(batch.issued),
                    skipped: words.number(batch.skipped),
                  }),
              },
              { key: 'reason', header: t('certificates.reason'), render: (batch) => batch.reason },
              {
                key: 'report',
                header: t('certificates.batch.report'),
                render: (batch) => (
                  <Button
                    variant="secondary"
                    aria-label={t('certificates.batch.showReportOf', {
                      date: words.dateTime(batch.createdAt),
                    })}
                    onClick={() => show(batch.id)}
                  >
                    {t('certificates.batch.showReport')}
                  </Button>
                ),
              },
            ]}
          />
        )
      ) : null}
    </section>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Table, useFormatters } from '@archipelago/ui';
import { quizPaths, type AttemptSummary } from './quiz-api';
import { usePercent } from './usePercent';

/** Every attempt so far, newest last; each links to its answers (or back into it, while open). */
export function AttemptHistory({
  slug,
  activityId,
  attempts,
}: {
  slug: string;
  activityId: string;
  attempts: AttemptSummary[];
}) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const { fraction } = usePercent();
  return (
    <Table
      caption={t('quiz:history.caption')}
      rowKey={(row) => row.id}
      rows={attempts}
      columns={[
        {
          key: 'number',
          header: t('quiz:history.attempt'),
          render: (row) => (
            <Link to={quizPaths.attempt(slug, activityId, row.id)}>
              {t('quiz:history.attemptNumber', { number: row.number })}
            </Link>
          ),
        },
        {
          key: 'status',
          header: t('quiz:history.status'),
          render: (row) =>
            row.status === 'open'
              ? t('quiz:status.open')
              : row.autoSubmitted
                ? t('quiz:status.timeUp')
                : t('quiz:status.submitted'),
        },
        {
          key: 'score',
          header: t('quiz:history.score'),
          render: (row) =>
            row.result?.score != null ? fraction(row.result.score) : t('quiz:history.noScore'),
        },
        {
          key: 'passed',
          header: t('quiz:history.passed'),
          render: (row) =>
            row.result?.passed == null
              ? t('quiz:history.noScore')
              : row.result.passed
                ? t('quiz:history.yes')
                : t('quiz:history.no'),
        },
        {
          key: 'date',
          header: t('quiz:history.date'),
          render: (row) =>
            date(row.submittedAt ?? row.startedAt, { dateStyle: 'medium', timeStyle: 'short' }),
        },
      ]}
    />
  );
}

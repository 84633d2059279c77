import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Table, useFormatters } from '@archipelago/ui';
import { quizPaths, type AttemptSummary } from './quiz-api';
import { usePercent } from './usePercent';

/** Every attempt so far, newest last; each links to its answers (or back into it, while open). */
export function AttemptHistory({
  slug,
  activityId,
  history,
}: {
  slug: string;
  activityId: string;
  history: AttemptSummary[];
}) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const percent = usePercent();
  return (
    <Table
      caption={t('quiz.history.caption')}
      rowKey={(row) => row.id}
      rows={history}
      columns={[
        {
          key: 'number',
          header: t('quiz.history.attempt'),
          render: (row) => (
            <Link to={quizPaths.attempt(slug, activityId, row.id)}>
              {t('quiz.history.attemptNumber', { number: row.number })}
            </Link>
          ),
        },
        { key: 'status', header: t('quiz.history.status'), render: (row) => t(`quiz.status.${row.status}`) },
        {
          key: 'score',
          header: t('quiz.history.score'),
          render: (row) => (row.score === null ? t('quiz.history.noScore') : percent(row.score)),
        },
        {
          key: 'passed',
          header: t('quiz.history.passed'),
          render: (row) =>
            row.passed === null
              ? t('quiz.history.noScore')
              : row.passed
                ? t('quiz.history.yes')
                : t('quiz.history.no'),
        },
        {
          key: 'date',
          header: t('quiz.history.date'),
          render: (row) =>
            date(row.submittedAt ?? row.startedAt, { dateStyle: 'medium', timeStyle: 'short' }),
        },
      ]}
    />
  );
}

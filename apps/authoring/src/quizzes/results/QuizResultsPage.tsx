import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Skeleton, Table, buttonClassName, useFormatters } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApiData } from '../../data/useApiData';
import { QuizHeader } from '../QuizHeader';
import { listAttempts, resultsCsvUrl, type AttemptRow } from '../results-api';
import { useQuizPlace } from './useQuizPlace';
import '../quizzes.css';

/** /quizzes/:activityId/results — every attempt, who needs grading, and the CSV of all of them. */
export default function QuizResultsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const { activityId = '' } = useParams();
  const place = useQuizPlace(activityId);
  const { state, reload } = useApiData(activityId, (signal) => listAttempts(activityId, signal));
  const rows: AttemptRow[] =
    state.status === 'ready'
      ? Array.isArray(state.data)
        ? (state.data as AttemptRow[])
        : state.data.items
      : [];
  const pending = rows.filter((row) => row.pendingGrading > 0).length;

  return (
    <Page
      title={t('quizzes.results.title', { quiz: place.quizTitle ?? '' })}
      documentTitle={t('quizzes.results.short')}
    >
      <QuizHeader activityId={activityId} {...place} />
      <p>
        <a
          className={buttonClassName('secondary')}
          href={resultsCsvUrl(activityId, i18n.resolvedLanguage ?? i18n.language)}
          download
        >
          {t('quizzes.results.csv')}
        </a>
      </p>
      {state.status === 'loading' ? <Skeleton lines={6} label={t('quizzes.results.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert problem={state.problem} title={t('quizzes.results.loadFailed')} onRetry={reload} />
      ) : null}
      {state.status === 'ready' && rows.length === 0 ? <p>{t('quizzes.results.empty')}</p> : null}
      {rows.length > 0 ? (
        <>
          <p>{t('quizzes.results.summary', { attempts: rows.length, pending })}</p>
          <Table
            caption={t('quizzes.results.caption')}
            rowKey={(row) => row.id}
            rows={rows}
            columns={[
              {
                key: 'learner',
                header: t('quizzes.results.learner'),
                render: (row) => (
                  <>
                    {row.displayName} <span className="studio-muted">{row.email}</span>
                  </>
                ),
              },
              { key: 'number', header: t('quizzes.results.number'), render: (row) => String(row.number) },
              {
                key: 'submitted',
                header: t('quizzes.results.submitted'),
                render: (row) =>
                  row.submittedAt
                    ? t(row.autoSubmitted ? 'quizzes.results.autoSubmitted' : 'quizzes.results.submittedAt', {
                        at: format.date(row.submittedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                      })
                    : t('quizzes.results.inProgress'),
              },
              {
                key: 'score',
                header: t('quizzes.results.score'),
                render: (row) =>
                  row.score === null
                    ? t('quizzes.results.noScore')
                    : format.number(row.score, { style: 'percent' }),
              },
              {
                key: 'passed',
                header: t('quizzes.results.passed'),
                render: (row) =>
                  row.passed === null
                    ? t('quizzes.results.noScore')
                    : t(row.passed ? 'common.yes' : 'common.no'),
              },
              {
                key: 'grading',
                header: t('quizzes.results.grading'),
                render: (row) =>
                  row.pendingGrading > 0
                    ? t('quizzes.results.needsGrading', { pending: row.pendingGrading })
                    : t('quizzes.results.nothingPending'),
              },
              {
                key: 'review',
                header: t('quizzes.results.review'),
                render: (row) => (
                  <Link
                    to={`/quizzes/${activityId}/attempts/${row.id}`}
                    aria-label={t(
                      row.pendingGrading > 0 ? 'quizzes.results.gradeLabel' : 'quizzes.results.reviewLabel',
                      {
                        name: row.displayName,
                        number: row.number,
                      },
                    )}
                  >
                    {row.pendingGrading > 0 ? t('quizzes.results.grade') : t('quizzes.results.review')}
                  </Link>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Page>
  );
}

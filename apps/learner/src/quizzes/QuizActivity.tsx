import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, buttonClassName, Skeleton } from '@archipelago/ui';
import { LoadFailed } from '../account/LoadFailed';
import type { ActivityView } from '../learning/learning-api';
import { LessonPager } from '../learning/reader/LessonPager';
import { useResource } from '../learning/useResource';
import { AttemptHistory } from './AttemptHistory';
import { fetchQuizOverview, QuizRequestError, quizPaths, startAttempt, type QuizOverview } from './quiz-api';
import { QuizSettingsSummary } from './QuizSettingsSummary';
import { usePercent } from './usePercent';
import './quiz.css';

/**
 * A quiz activity in the reader (lazy-loaded by the lesson reader): its rules, the learner's
 * attempts so far and the way in — start, continue or try again — or why not.
 */
export default function QuizActivity({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const slug = activity.course.slug;
  const { state, retry } = useResource(`quiz|${slug}|${activity.id}`, (signal) =>
    fetchQuizOverview(slug, activity.id, signal),
  );
  return (
    <div className="quiz">
      <p className="reader-meta">
        {t('reader.inModule', { title: activity.module.title })}
        {activity.required ? null : ` · ${t('reader.optional')}`}
      </p>
      {state.status === 'loading' ? <Skeleton lines={6} label={t('quiz:overview.loading')} /> : null}
      {state.status === 'error' ? <LoadFailed retry={retry} /> : null}
      {state.status === 'missing' ? <p>{t('quiz:overview.missing')}</p> : null}
      {state.status === 'ready' ? (
        <Overview slug={slug} activityId={activity.id} overview={state.data} />
      ) : null}
      <LessonPager activity={activity} />
    </div>
  );
}

function Overview({
  slug,
  activityId,
  overview,
}: {
  slug: string;
  activityId: string;
  overview: QuizOverview;
}) {
  const { t } = useTranslation();
  const { fraction } = usePercent();
  const submitted = overview.attempts.filter((attempt) => attempt.status !== 'open');
  return (
    <>
      <h2>{t('quiz:overview.rules')}</h2>
      <QuizSettingsSummary overview={overview} />
      {submitted.length > 0 ? (
        <p className="quiz-standing">
          {overview.bestScore !== null
            ? t(overview.passed ? 'quiz:overview.passedWith' : 'quiz:overview.notPassedYet', {
                score: fraction(overview.bestScore),
              })
            : t('quiz:overview.waitingForMarks')}
        </p>
      ) : null}
      <StartPanel slug={slug} activityId={activityId} overview={overview} />
      {overview.attempts.length > 0 ? (
        <>
          <h2>{t('quiz:history.title')}</h2>
          <AttemptHistory slug={slug} activityId={activityId} attempts={overview.attempts} />
        </>
      ) : null}
    </>
  );
}

/** Words for the API's reason a new attempt cannot start. */
function reasonText(t: (key: string) => string, overview: QuizOverview): string {
  switch (overview.cannotStart) {
    case 'no-attempts-left':
      return t('quiz:overview.noAttemptsLeft');
    case 'not-yet':
      return t('quiz:overview.notYetOpen');
    case 'closed':
      return t('quiz:overview.closed');
    default:
      return t('quiz:overview.cannotStart');
  }
}

function StartPanel({
  slug,
  activityId,
  overview,
}: {
  slug: string;
  activityId: string;
  overview: QuizOverview;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (overview.openAttemptId) {
    const open = overview.attempts.find((attempt) => attempt.id === overview.openAttemptId);
    return (
      <div className="quiz-start">
        <Link className={buttonClassName()} to={quizPaths.attempt(slug, activityId, overview.openAttemptId)}>
          {t('quiz:overview.continue', { number: open?.number ?? overview.attemptsUsed })}
        </Link>
      </div>
    );
  }

  if (!overview.canStart) {
    return (
      <div className="quiz-start">
        <p>{reasonText(t, overview)}</p>
      </div>
    );
  }

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const attempt = await startAttempt(slug, activityId);
      void navigate(quizPaths.attempt(slug, activityId, attempt.id));
    } catch (failure) {
      const status = failure instanceof QuizRequestError ? failure.status : 0;
      setError(
        status === 409
          ? t('quiz:overview.noAttemptsLeft')
          : status === 403
            ? t('quiz:overview.closed')
            : t('quiz:overview.startFailed'),
      );
      setStarting(false);
    }
  };

  return (
    <div className="quiz-start">
      {error ? <Alert title={t('quiz:overview.startFailedTitle')}>{<p>{error}</p>}</Alert> : null}
      {overview.settings.timeLimitMinutes !== null ? (
        <p>{t('quiz:overview.timerStarts', { minutes: overview.settings.timeLimitMinutes })}</p>
      ) : null}
      <Button onClick={() => void start()} disabled={starting}>
        {starting
          ? t('quiz:overview.starting')
          : overview.attempts.length > 0
            ? t('quiz:overview.retry')
            : t('quiz:overview.start')}
      </Button>
    </div>
  );
}

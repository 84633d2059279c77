import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, isLanguage, Page, Skeleton, useSession } from '@archipelago/ui';
import { LoadFailed } from '../account/LoadFailed';
import { fetchActivity, learnPaths } from '../learning/learning-api';
import { Breadcrumbs } from '../learning/reader/Breadcrumbs';
import { useResource } from '../learning/useResource';
import { answerQueue } from './answer-queue';
import { AttemptInProgress } from './AttemptInProgress';
import { AttemptResultView } from './AttemptResultView';
import { fetchAttempt, type AttemptView } from './quiz-api';
import './quiz.css';

interface Received {
  attempt: AttemptView;
  /** performance.now() when it arrived: the countdown runs from the server's clock, not the device's. */
  receivedAt: number;
}

/** One attempt at /learn/:slug/:activityId/attempts/:attemptId: taking it, or its result once submitted. */
export function AttemptScreen({
  slug,
  activityId,
  attemptId,
}: {
  slug: string;
  activityId: string;
  attemptId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const { me } = useSession();
  const userId = me?.user.id;
  const queue = useMemo(() => (userId ? answerQueue(userId) : undefined), [userId]);
  const activityResource = useResource(`${slug}|${activityId}|${lang}`, (signal) =>
    fetchActivity(slug, activityId, isLanguage(lang) ? lang : 'en', signal),
  );
  const { state, retry, replace } = useResource<Received>(`attempt|${attemptId}`, async (signal) => {
    // What waits on this device goes first, so a reload shows it as the server's too.
    if (queue && queue.state.pending > 0)
      await Promise.race([queue.flush(), new Promise((done) => setTimeout(done, 2500))]);
    const attempt = await fetchAttempt(attemptId, signal);
    return attempt ? { attempt, receivedAt: performance.now() } : null;
  });
  const [justSubmitted, setJustSubmitted] = useState(false);
  const finished = useCallback(
    (attempt: AttemptView) => {
      setJustSubmitted(true);
      replace({ attempt, receivedAt: performance.now() });
    },
    [replace],
  );

  const activity = activityResource.state.status === 'ready' ? activityResource.state.data : null;
  const attempt = state.status === 'ready' ? state.data.attempt : null;
  const title =
    state.status === 'missing'
      ? t('quiz:attempt.missingTitle')
      : attempt
        ? t('quiz:attempt.title', { title: attempt.quiz.title, number: attempt.number })
        : t('quiz:attempt.loadingTitle');

  return (
    <>
      {activity ? <Breadcrumbs activity={activity} /> : null}
      <Page title={title}>
        {state.status === 'loading' ? <Skeleton lines={8} label={t('quiz:attempt.loading')} /> : null}
        {state.status === 'error' ? <LoadFailed retry={retry} /> : null}
        {state.status === 'missing' ? (
          <>
            <p>{t('quiz:attempt.missing')}</p>
            <Link className={buttonClassName()} to={learnPaths.activity(slug, activityId)}>
              {t('quiz:result.backToQuiz')}
            </Link>
          </>
        ) : null}
        {state.status === 'ready' && queue ? (
          state.data.attempt.status === 'open' ? (
            <AttemptInProgress
              key={state.data.receivedAt}
              attempt={state.data.attempt}
              receivedAt={state.data.receivedAt}
              queue={queue}
              onFinished={finished}
              onReload={retry}
            />
          ) : (
            <AttemptResultView
              attempt={state.data.attempt}
              slug={slug}
              activityId={activityId}
              justSubmitted={justSubmitted}
            />
          )
        ) : null}
      </Page>
    </>
  );
}

import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, useFormatters } from '@archipelago/ui';
import { learnPaths } from '../learning/learning-api';
import { useResource } from '../learning/useResource';
import { AttemptHistory } from './AttemptHistory';
import { RichText } from './RichText';
import { ResponseInWords, SlotFeedbackView } from './SlotFeedbackView';
import { fetchQuizOverview, type AttemptView } from './quiz-api';
import { usePercent } from './usePercent';

/**
 * A submitted attempt: the score and whether it passed, then each question with the learner's
 * answer and whatever feedback and correct answers the quiz's settings let the API send.
 */
export function AttemptResultView({
  attempt,
  slug,
  activityId,
  justSubmitted,
}: {
  attempt: AttemptView;
  slug: string;
  activityId: string;
  justSubmitted: boolean;
}) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const { percent, fraction } = usePercent();
  // The quiz's passing score and the learner's other attempts come with the quiz's overview.
  const { state: overviewState } = useResource(`quiz|${slug}|${activityId}|${attempt.id}`, (signal) =>
    fetchQuizOverview(slug, activityId, signal),
  );
  const overview = overviewState.status === 'ready' ? overviewState.data : null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const result = attempt.result ?? null;

  // After submitting, the learner is taken to the outcome rather than left on a vanished button.
  useEffect(() => {
    if (justSubmitted) headingRef.current?.focus();
  }, [justSubmitted]);

  return (
    <div className="quiz-result">
      <section className="quiz-result__summary" aria-labelledby="quiz-result-heading">
        <h2 id="quiz-result-heading" ref={headingRef} tabIndex={-1}>
          {t('quiz:result.title')}
        </h2>
        {!result ? (
          <p>{t('quiz:result.later')}</p>
        ) : result.score === null ? (
          <p>{t('quiz:result.pendingGrading')}</p>
        ) : (
          <>
            <p className="quiz-result__score">
              {t('quiz:result.score', {
                score: fraction(result.score),
                points: number(result.points ?? 0),
                max: number(result.maxPoints),
              })}
            </p>
            <p className={result.passed ? 'quiz-result__passed' : 'quiz-result__failed'}>
              {result.passed ? t('quiz:result.passed') : t('quiz:result.notPassed')}
            </p>
          </>
        )}
        {overview ? (
          <p>{t('quiz:result.passingScore', { score: percent(overview.settings.passingScore) })}</p>
        ) : null}
        <Link className={buttonClassName('secondary')} to={learnPaths.activity(slug, activityId)}>
          {t('quiz:result.backToQuiz')}
        </Link>
      </section>
      <h2>{t('quiz:result.answersTitle')}</h2>
      <ol className="quiz-result__questions">
        {attempt.slots.map((slot, index) => (
          <li key={slot.slot} className="quiz-question">
            <h3>{t('quiz:attempt.questionOf', { number: index + 1, total: attempt.slots.length })}</h3>
            <RichText document={slot.question.prompt} className="quiz-prose" />
            <div className="quiz-result__answer">
              <p>
                <strong>{t('quiz:result.yourAnswer')}</strong>
              </p>
              <ResponseInWords question={slot.question} response={slot.response} />
            </div>
            {slot.feedback ? (
              <SlotFeedbackView
                question={slot.question}
                feedback={slot.feedback}
                headingId={`result-${slot.slot}-feedback`}
                headingLevel={4}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {overview && overview.attempts.length > 0 ? (
        <>
          <h2>{t('quiz:history.title')}</h2>
          <AttemptHistory slug={slug} activityId={activityId} attempts={overview.attempts} />
        </>
      ) : null}
    </div>
  );
}

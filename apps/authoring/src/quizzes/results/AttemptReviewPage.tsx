import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Page, Skeleton, useFormatters } from '@archipelago/ui';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApiData } from '../../data/useApiData';
import { RichTextView } from '../../questions/RichTextView';
import { QuizHeader } from '../QuizHeader';
import { getAttemptReview, type AttemptReview, type ReviewSlot } from '../results-api';
import { describeCorrect, describeResponse } from './describeAnswers';
import { GradeForm } from './GradeForm';
import { RegradeButton } from './RegradeButton';
import { useQuizPlace } from './useQuizPlace';
import '../quizzes.css';

/** /quizzes/:activityId/attempts/:attemptId — one attempt in full, with grading of essays. */
export default function AttemptReviewPage() {
  const { t } = useTranslation();
  const { activityId = '', attemptId = '' } = useParams();
  const loadedPlace = useQuizPlace(activityId);
  const { state, reload } = useApiData(attemptId, (signal) => getAttemptReview(attemptId, signal));
  const title =
    state.status === 'ready'
      ? t('quizzes.review.title', { name: state.data.displayName, number: state.data.number })
      : t('quizzes.review.loadingTitle');
  return (
    <Page title={title}>
      <QuizHeader activityId={activityId} {...loadedPlace} current={title} />
      <p>
        <Link to={`/quizzes/${activityId}/results`}>{t('quizzes.review.back')}</Link>
      </p>
      {state.status === 'loading' ? <Skeleton lines={10} label={t('quizzes.review.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert problem={state.problem} title={t('quizzes.review.loadFailed')} onRetry={reload} />
      ) : null}
      {state.status === 'ready' ? (
        <Review key={attemptId} loaded={state.data} activityId={activityId} reload={reload} />
      ) : null}
    </Page>
  );
}

function Review({
  loaded,
  activityId,
  reload,
}: {
  loaded: AttemptReview;
  activityId: string;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [review, setReview] = useState(loaded);
  return (
    <>
      <dl className="studio-facts">
        <dt>{t('quizzes.review.email')}</dt>
        <dd>{review.email}</dd>
        <dt>{t('quizzes.review.started')}</dt>
        <dd>{format.date(review.startedAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
        <dt>{t('quizzes.review.submitted')}</dt>
        <dd>
          {review.submittedAt
            ? format.date(review.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })
            : t('quizzes.results.inProgress')}
        </dd>
        <dt>{t('quizzes.review.score')}</dt>
        <dd>
          {review.score === null
            ? t('quizzes.review.scorePending', { pending: review.pendingGrading })
            : t('quizzes.review.scoreValue', {
                points: review.points ?? 0,
                max: review.maxPoints,
                percent: format.number(review.score, { style: 'percent' }),
              })}
        </dd>
        <dt>{t('quizzes.results.passed')}</dt>
        <dd>
          {review.passed === null
            ? t('quizzes.results.noScore')
            : t(review.passed ? 'common.yes' : 'common.no')}
        </dd>
      </dl>
      <ol className="quiz-review">
        {review.slots.map((slot, index) => (
          <ReviewItem
            key={slot.slot}
            slot={slot}
            number={index + 1}
            attemptId={review.id}
            activityId={activityId}
            onGraded={(next) => (next ? setReview(next) : reload())}
            onRegraded={reload}
          />
        ))}
      </ol>
    </>
  );
}

interface ReviewItemProps {
  slot: ReviewSlot;
  number: number;
  attemptId: string;
  activityId: string;
  onGraded: (review: AttemptReview | undefined) => void;
  onRegraded: () => void;
}

/** What happened to a slot, in one word: from its grading state and its points. */
function outcome(slot: ReviewSlot): string {
  if (slot.grading !== 'graded') return slot.grading;
  if (slot.response === null) return 'unanswered';
  if (slot.points === null || slot.points <= 0) return 'incorrect';
  return slot.points >= slot.maxPoints ? 'correct' : 'partial';
}

function ReviewItem({ slot, number, attemptId, activityId, onGraded, onRegraded }: ReviewItemProps) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const { question } = slot;
  const response = describeResponse(t, question, slot.response);
  const correct = describeCorrect(t, question);
  const headingId = `review-slot-${slot.slot}`;
  const essay = question.type === 'essay' && question.graded && slot.grading !== 'pending';
  // Any other answer can be marked by hand too (a trainer correcting the key for one learner).
  const gradable = essay || (correcting && slot.grading === 'graded');
  const name = t('quizzes.review.slotName', { number });
  return (
    <li className="quiz-review__slot" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('quizzes.review.slotHeading', { number, name: t(`questions.types.${question.type}`) })}
      </h2>
      <p className="studio-muted">
        {t('quizzes.review.slotFacts', {
          status: t(`quizzes.review.status.${outcome(slot)}`),
          points: slot.points ?? t('quizzes.review.noPoints'),
          max: slot.maxPoints,
          version: slot.questionVersion,
        })}
      </p>
      <RichTextView doc={question.prompt} />
      <h3>{t('quizzes.review.response')}</h3>
      <ul>
        {response.map((line, index) => (
          <li key={index} className="quiz-review__response">
            {line}
          </li>
        ))}
      </ul>
      {correct.length > 0 ? (
        <>
          <h3>{t('quizzes.review.correct')}</h3>
          <ul>
            {correct.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {slot.comment && !gradable ? <p>{t('quizzes.review.comment', { comment: slot.comment })}</p> : null}
      {gradable ? <GradeForm attemptId={attemptId} slot={slot} number={number} onGraded={onGraded} /> : null}
      {!essay && slot.grading === 'graded' ? (
        <Button variant="secondary" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)}>
          {t('quizzes.review.correctMark', { name })}
        </Button>
      ) : null}
      <p>
        <RegradeButton activityId={activityId} questionId={slot.questionId} name={name} onDone={onRegraded} />
      </p>
    </li>
  );
}

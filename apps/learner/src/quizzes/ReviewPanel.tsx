import { forwardRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@archipelago/ui';
import { questionLocation } from './attempt-location';
import type { AttemptView } from './quiz-api';

/** Before submitting: which questions have no answer (each a link back to it), then the submit. */
export const ReviewPanel = forwardRef<
  HTMLHeadingElement,
  {
    attempt: AttemptView;
    answered: (slot: number) => boolean;
    onSubmit: () => void;
    submitting: boolean;
    error: string | null;
  }
>(function ReviewPanel({ attempt, answered, onSubmit, submitting, error }, headingRef) {
  const { t } = useTranslation();
  const unanswered = attempt.slots
    .map((slot, index) => ({ slot: slot.slot, number: index + 1 }))
    .filter(({ slot }) => !answered(slot));
  return (
    <section className="quiz-review" aria-labelledby="quiz-review-heading">
      <h2 id="quiz-review-heading" ref={headingRef} tabIndex={-1}>
        {t('quiz:review.title')}
      </h2>
      <p>
        {t('quiz:review.answeredCount', {
          answered: attempt.slots.length - unanswered.length,
          total: attempt.slots.length,
        })}
      </p>
      {unanswered.length > 0 ? (
        <>
          <h3>{t('quiz:review.unansweredTitle', { unanswered: unanswered.length })}</h3>
          <ul className="quiz-review__unanswered">
            {unanswered.map(({ slot, number }) => (
              <li key={slot}>
                <Link to={questionLocation(attempt.layout, number, slot)}>
                  {t('quiz:review.goTo', { number })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('quiz:review.allAnswered')}</p>
      )}
      <p>{t('quiz:review.final')}</p>
      {error ? (
        <Alert title={t('quiz:review.failedTitle')}>
          <p>{error}</p>
        </Alert>
      ) : null}
      <Button onClick={onSubmit} disabled={submitting}>
        {submitting ? t('quiz:review.submitting') : t('quiz:review.submit')}
      </Button>
    </section>
  );
});

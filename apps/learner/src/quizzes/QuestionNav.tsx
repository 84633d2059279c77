import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { questionLocation, reviewLocation } from './attempt-location';
import type { AttemptView } from './quiz-api';

/** Every question of a one-per-page attempt, each saying whether it is answered; and the review. */
export function QuestionNav({
  attempt,
  current,
  answered,
  reviewing,
}: {
  attempt: AttemptView;
  /** 0-based index of the question shown, or -1 on the review. */
  current: number;
  answered: (slot: number) => boolean;
  reviewing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <nav className="quiz-nav" aria-label={t('quiz:nav.label')}>
      <ol className="quiz-nav__list">
        {attempt.slots.map((slot, index) => {
          const done = answered(slot.slot);
          return (
            <li key={slot.slot}>
              <Link
                to={questionLocation(attempt.layout, index + 1, slot.slot)}
                className={done ? 'quiz-nav__link quiz-nav__link--answered' : 'quiz-nav__link'}
                aria-current={index === current ? 'step' : undefined}
              >
                <span aria-hidden="true">{index + 1}</span>
                <span className="arch-visually-hidden">
                  {t(done ? 'quiz:nav.answered' : 'quiz:nav.unanswered', { number: index + 1 })}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      <Link to={reviewLocation} className="quiz-nav__review" aria-current={reviewing ? 'step' : undefined}>
        {t('quiz:nav.review')}
      </Link>
    </nav>
  );
}

import { useTranslation } from 'react-i18next';
import type { AssessmentStatement, ScaleLevel } from './assessments-api';
import type { RatingDraft } from './rating-saver';

export interface ReadOnlyStatementProps {
  statement: AssessmentStatement;
  number: number;
  count: number;
  scale: ScaleLevel[];
  draft: RatingDraft | undefined;
}

/** A statement and the participant's own answer, once the round is closed and nothing can change. */
export function ReadOnlyStatement({ statement, number, count, scale, draft }: ReadOnlyStatementProps) {
  const { t } = useTranslation();
  const choice = draft?.choice ?? null;
  const level = choice && 'value' in choice ? scale.find((entry) => entry.value === choice.value) : undefined;
  const answer =
    choice === null
      ? t('assessments:closed.notAnswered')
      : 'dontKnow' in choice
        ? t('assessments:rate.dontKnow')
        : t('assessments:closed.level', { value: choice.value, label: level?.label ?? '' });
  return (
    <section className="rating-statement" aria-labelledby={`statement-${statement.id}-heading`}>
      <h3 id={`statement-${statement.id}-heading`} className="rating-statement__number">
        {t('assessments:rate.statementOf', { number, total: count })}
      </h3>
      <p className="rating-statement__text">{statement.text}</p>
      <dl className="arch-facts">
        <dt>{t('assessments:closed.yourRating')}</dt>
        <dd>{answer}</dd>
        {draft?.comment ? (
          <>
            <dt>{t('assessments:rate.comment')}</dt>
            <dd className="rating-statement__comment">{draft.comment}</dd>
          </>
        ) : null}
        {draft?.evidenceUrl ? (
          <>
            <dt>{t('assessments:rate.evidence')}</dt>
            <dd>
              <a href={draft.evidenceUrl} rel="noopener noreferrer">
                {draft.evidenceUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

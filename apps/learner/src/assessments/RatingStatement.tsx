import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, useFormatters } from '@archipelago/ui';
import type { AssessmentStatement, RatingChoice, ScaleLevel } from './assessments-api';
import type { RatingDraft, SaveState } from './rating-saver';

export interface RatingStatementProps {
  statement: AssessmentStatement;
  /** 1-based position in its dimension. */
  number: number;
  count: number;
  scale: ScaleLevel[];
  draft: RatingDraft;
  saveState: SaveState;
  onChange: (next: Partial<RatingDraft>, options?: { typing?: boolean }) => void;
  onRetry: () => void;
  /** A comment or link field lost focus: save what was typed now. */
  onLeaveField: () => void;
}

const DONT_KNOW = 'dont-know';

const choiceKey = (choice: RatingChoice | null): string | null =>
  choice === null ? null : 'dontKnow' in choice ? DONT_KNOW : String(choice.value);

/**
 * One statement: the scale as a radio group (arrow keys move through it), each level with its
 * anchored description, "don't know", then an optional comment and evidence link behind a summary.
 */
export function RatingStatement({
  statement,
  number,
  count,
  scale,
  draft,
  saveState,
  onChange,
  onRetry,
  onLeaveField,
}: RatingStatementProps) {
  const { t } = useTranslation();
  const prefix = `statement-${statement.id}`;
  const guidanceId = `${prefix}-guidance`;
  const selected = choiceKey(draft.choice);
  // Said once the participant has finished typing (the save refused it), not at the first letter.
  const linkRefused = saveState.status === 'failed' && saveState.reason === 'bad-link';
  const hasNotes = draft.comment.trim() !== '' || draft.evidenceUrl.trim() !== '';
  // Open at first when there are notes; after that the participant opens and closes it. Following
  // hasNotes would close it under the field being emptied, and focus with it.
  const [openAtFirst] = useState(hasNotes);

  return (
    <section className="rating-statement" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="rating-statement__number">
        {t('assessments:rate.statementOf', { number, total: count })}
      </h3>
      <fieldset className="rating-scale" aria-describedby={statement.guidance ? guidanceId : undefined}>
        <legend className="rating-statement__text">{statement.text}</legend>
        {statement.guidance ? (
          <p id={guidanceId} className="rating-hint">
            {statement.guidance}
          </p>
        ) : null}
        {scale.map((level) => {
          const key = String(level.value);
          const descriptionId = `${prefix}-level-${key}`;
          return (
            <div className="rating-option" key={key}>
              <input
                type="radio"
                id={`${prefix}-${key}`}
                name={prefix}
                value={key}
                checked={selected === key}
                aria-describedby={level.description ? descriptionId : undefined}
                onChange={() => onChange({ choice: { value: level.value } })}
              />
              <label htmlFor={`${prefix}-${key}`}>
                <span className="rating-option__value">{level.value}</span> {level.label}
              </label>
              {level.description ? (
                <p id={descriptionId} className="rating-option__description">
                  {level.description}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className="rating-option rating-option--dont-know">
          <input
            type="radio"
            id={`${prefix}-${DONT_KNOW}`}
            name={prefix}
            value={DONT_KNOW}
            checked={selected === DONT_KNOW}
            onChange={() => onChange({ choice: { dontKnow: true } })}
          />
          <label htmlFor={`${prefix}-${DONT_KNOW}`}>{t('assessments:rate.dontKnow')}</label>
        </div>
      </fieldset>
      <details className="rating-notes" open={openAtFirst || undefined}>
        <summary>{hasNotes ? t('assessments:rate.notesAdded') : t('assessments:rate.addNotes')}</summary>
        <FormField label={t('assessments:rate.comment')} hint={t('assessments:rate.commentHint')}>
          <textarea
            className="arch-input rating-notes__comment"
            rows={3}
            maxLength={2000}
            value={draft.comment}
            onChange={(event) => onChange({ comment: event.target.value }, { typing: true })}
            onBlur={onLeaveField}
          />
        </FormField>
        <FormField
          label={t('assessments:rate.evidence')}
          hint={t('assessments:rate.evidenceHint')}
          error={linkRefused ? t('assessments:rate.evidenceInvalid') : undefined}
        >
          <input
            type="url"
            className="arch-input"
            inputMode="url"
            maxLength={2000}
            value={draft.evidenceUrl}
            onChange={(event) => onChange({ evidenceUrl: event.target.value }, { typing: true })}
            onBlur={onLeaveField}
          />
        </FormField>
      </details>
      <SaveStatus state={saveState} onRetry={onRetry} />
    </section>
  );
}

/**
 * Where this statement's answer stands, in words. Not a live region: the page announces saves and
 * failures once through the app's live region, so five statements do not talk over each other.
 */
function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  if (state.status === 'unchanged') return null;
  if (state.status === 'failed') {
    return (
      <div className="rating-save rating-save--failed">
        <p>{t(`assessments:save.failed.${state.reason}`)}</p>
        {state.reason === 'offline' ? (
          <Button variant="secondary" onClick={onRetry}>
            {t('assessments:save.retry')}
          </Button>
        ) : null}
      </div>
    );
  }
  const text =
    state.status === 'saved'
      ? t('assessments:save.savedAt', { time: date(state.at, { timeStyle: 'short' }) })
      : t(`assessments:save.${state.status}`);
  return <p className={`rating-save rating-save--${state.status}`}>{text}</p>;
}

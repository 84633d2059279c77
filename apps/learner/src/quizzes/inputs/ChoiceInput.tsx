import { useTranslation } from 'react-i18next';
import { RichText } from '../RichText';
import type { InputProps, Narrow } from './input-props';

/** One right option among several: radio buttons, so the arrow keys move between them. */
export function SingleChoiceInput({
  question,
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'single-choice'>>) {
  const { t } = useTranslation();
  const chosen = response && 'optionId' in response ? response.optionId : null;
  return (
    <fieldset className="quiz-choices" aria-describedby={promptId} disabled={locked}>
      <legend className="arch-visually-hidden">{t('quiz.input.chooseOne', { number })}</legend>
      {question.options.map((option) => {
        const id = `${idPrefix}-option-${option.id}`;
        return (
          <div className="quiz-choice" key={option.id}>
            <input
              type="radio"
              id={id}
              name={`${idPrefix}-choice`}
              value={option.id}
              checked={chosen === option.id}
              onChange={() => onAnswer({ optionId: option.id })}
            />
            <label htmlFor={id}>
              <RichText document={option.text} inline />
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Any number of right options: checkboxes, each saved as it is ticked. */
export function MultipleResponseInput({
  question,
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'multiple-response'>>) {
  const { t } = useTranslation();
  const chosen = new Set(response && 'optionIds' in response ? response.optionIds : []);
  const hintId = `${idPrefix}-hint`;
  const toggle = (id: string, on: boolean) => {
    const next = question.options.map((o) => o.id).filter((o) => (o === id ? on : chosen.has(o)));
    onAnswer(next.length > 0 ? { optionIds: next } : null);
  };
  return (
    <fieldset className="quiz-choices" aria-describedby={`${promptId} ${hintId}`} disabled={locked}>
      <legend className="arch-visually-hidden">{t('quiz.input.chooseAny', { number })}</legend>
      <p className="quiz-hint" id={hintId}>
        {t('quiz.input.chooseAnyHint')}
      </p>
      {question.options.map((option) => {
        const id = `${idPrefix}-option-${option.id}`;
        return (
          <div className="quiz-choice" key={option.id}>
            <input
              type="checkbox"
              id={id}
              value={option.id}
              checked={chosen.has(option.id)}
              onChange={(event) => toggle(option.id, event.target.checked)}
            />
            <label htmlFor={id}>
              <RichText document={option.text} inline />
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function TrueFalseInput({
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'true-false'>>) {
  const { t } = useTranslation();
  const chosen = response && 'answer' in response ? response.answer : null;
  return (
    <fieldset className="quiz-choices" aria-describedby={promptId} disabled={locked}>
      <legend className="arch-visually-hidden">{t('quiz.input.trueOrFalse', { number })}</legend>
      {[true, false].map((value) => {
        const id = `${idPrefix}-${value ? 'true' : 'false'}`;
        return (
          <div className="quiz-choice" key={id}>
            <input
              type="radio"
              id={id}
              name={`${idPrefix}-truth`}
              checked={chosen === value}
              onChange={() => onAnswer({ answer: value })}
            />
            <label htmlFor={id}>{value ? t('quiz.input.true') : t('quiz.input.false')}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

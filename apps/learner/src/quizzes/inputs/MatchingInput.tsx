import { useTranslation } from 'react-i18next';
import { RichText } from '../RichText';
import type { InputProps, Narrow } from './input-props';

/** Each prompt gets a native <select> of the offered answers: fully keyboard- and screen-reader-usable. */
export function MatchingInput({
  question,
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'matching'>>) {
  const { t } = useTranslation();
  const matches = response && 'matches' in response ? response.matches : {};
  const choose = (pairId: string, answer: string) => {
    const next = { ...matches };
    if (answer === '') delete next[pairId];
    else next[pairId] = answer;
    onAnswer(Object.keys(next).length > 0 ? { matches: next } : null);
  };
  return (
    <fieldset className="quiz-matching" aria-describedby={promptId} disabled={locked}>
      <legend className="arch-visually-hidden">{t('quiz.input.matchEach', { number })}</legend>
      {question.prompts.map((pair) => {
        const id = `${idPrefix}-match-${pair.id}`;
        return (
          <div className="arch-field quiz-matching__row" key={pair.id}>
            <label className="arch-field__label" htmlFor={id}>
              <RichText document={pair.prompt} inline />
            </label>
            <select
              id={id}
              className="arch-input"
              value={matches[pair.id] ?? ''}
              onChange={(event) => choose(pair.id, event.target.value)}
            >
              <option value="">{t('quiz.input.chooseMatch')}</option>
              {question.answers.map((answer) => (
                <option key={answer} value={answer}>
                  {answer}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}

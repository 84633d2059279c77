import { useTranslation } from 'react-i18next';
import { RichText } from '../RichText';
import { AnswerField, AnswerGroup } from './AnswerField';
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
    <AnswerGroup
      className="quiz-matching"
      legend={t('quiz:input.matchEach', { number })}
      promptId={promptId}
      locked={locked}
    >
      {question.prompts.map((pair) => {
        const id = `${idPrefix}-match-${pair.id}`;
        return (
          <AnswerField
            key={pair.id}
            id={id}
            className="quiz-matching__row"
            label={<RichText document={pair.prompt} inline />}
          >
            <select
              id={id}
              className="arch-input"
              value={matches[pair.id] ?? ''}
              onChange={(event) => choose(pair.id, event.target.value)}
            >
              <option value="">{t('quiz:input.chooseMatch')}</option>
              {question.answers.map((answer) => (
                <option key={answer} value={answer}>
                  {answer}
                </option>
              ))}
            </select>
          </AnswerField>
        );
      })}
    </AnswerGroup>
  );
}

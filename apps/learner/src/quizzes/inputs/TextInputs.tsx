import { useTranslation } from 'react-i18next';
import type { InputProps, Narrow } from './input-props';

const textOf = (response: InputProps['response']) => (response && 'text' in response ? response.text : '');

/** A word or a short phrase; saved after a pause in typing. */
export function ShortAnswerInput({
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'short-answer'>>) {
  const { t } = useTranslation();
  const id = `${idPrefix}-text`;
  return (
    <div className="arch-field">
      <label className="arch-field__label" htmlFor={id}>
        {t('quiz.input.yourAnswer', { number })}
      </label>
      <input
        id={id}
        className="arch-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={promptId}
        readOnly={locked}
        value={textOf(response)}
        onChange={(event) =>
          onAnswer(event.target.value === '' ? null : { text: event.target.value }, { typing: true })
        }
      />
    </div>
  );
}

/** Counted as the server counts words for `minWords`: runs of non-space characters. */
export const countWords = (text: string) => text.split(/\s+/u).filter(Boolean).length;

export function EssayInput({
  question,
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'essay'>>) {
  const { t } = useTranslation();
  const id = `${idPrefix}-essay`;
  const countId = `${idPrefix}-count`;
  const words = countWords(textOf(response));
  return (
    <div className="arch-field">
      <label className="arch-field__label" htmlFor={id}>
        {t('quiz.input.yourAnswer', { number })}
      </label>
      <textarea
        id={id}
        className="arch-input quiz-essay"
        rows={10}
        aria-describedby={`${promptId} ${countId}`}
        readOnly={locked}
        value={textOf(response)}
        onChange={(event) =>
          onAnswer(event.target.value === '' ? null : { text: event.target.value }, { typing: true })
        }
      />
      <p className="quiz-hint" id={countId}>
        {question.minWords
          ? t('quiz.input.wordsOfMinimum', { words, minimum: question.minWords })
          : t('quiz.input.words', { words })}
      </p>
    </div>
  );
}

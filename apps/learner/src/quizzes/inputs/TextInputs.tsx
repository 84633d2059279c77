import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerField } from './AnswerField';
import type { InputProps, Narrow } from './input-props';

const textOf = (response: InputProps['response']) => (response && 'text' in response ? response.text : '');

/** Saves typed text after a pause in typing; an emptied box clears the answer. */
const saveTyped =
  (onAnswer: InputProps['onAnswer']) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onAnswer(event.target.value === '' ? null : { text: event.target.value }, { typing: true });

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
    <AnswerField id={id} label={t('quiz:input.yourAnswer', { number })}>
      <input
        id={id}
        className="arch-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={promptId}
        readOnly={locked}
        value={textOf(response)}
        onChange={saveTyped(onAnswer)}
      />
    </AnswerField>
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
    <AnswerField id={id} label={t('quiz:input.yourAnswer', { number })}>
      <textarea
        id={id}
        className="arch-input quiz-essay"
        rows={10}
        aria-describedby={`${promptId} ${countId}`}
        readOnly={locked}
        value={textOf(response)}
        onChange={saveTyped(onAnswer)}
      />
      <p className="quiz-hint" id={countId}>
        {question.minWords
          ? t('quiz:input.wordsOfMinimum', { words, minimum: question.minWords })
          : t('quiz:input.words', { words })}
      </p>
    </AnswerField>
  );
}

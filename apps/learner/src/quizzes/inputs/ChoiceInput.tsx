import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RichText } from '../RichText';
import { AnswerGroup } from './AnswerField';
import type { InputProps, Narrow } from './input-props';

interface ChoiceProps {
  type: 'radio' | 'checkbox';
  id: string;
  /** Radios of one question share a name, so the arrow keys move between them. */
  name?: string;
  value?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/** One option: a native radio button or checkbox with its label. */
function Choice({ type, id, name, value, checked, onChange, children }: ChoiceProps) {
  return (
    <div className="quiz-choice">
      <input
        type={type}
        id={id}
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}

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
    <AnswerGroup
      className="quiz-choices"
      legend={t('quiz:input.chooseOne', { number })}
      promptId={promptId}
      locked={locked}
    >
      {question.options.map((option) => (
        <Choice
          key={option.id}
          type="radio"
          id={`${idPrefix}-option-${option.id}`}
          name={`${idPrefix}-choice`}
          value={option.id}
          checked={chosen === option.id}
          onChange={() => onAnswer({ optionId: option.id })}
        >
          <RichText document={option.text} inline />
        </Choice>
      ))}
    </AnswerGroup>
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
  const toggle = (id: string, on: boolean) => {
    const next = question.options.map((o) => o.id).filter((o) => (o === id ? on : chosen.has(o)));
    onAnswer(next.length > 0 ? { optionIds: next } : null);
  };
  return (
    <AnswerGroup
      className="quiz-choices"
      legend={t('quiz:input.chooseAny', { number })}
      promptId={promptId}
      locked={locked}
      hint={{ id: `${idPrefix}-hint`, text: t('quiz:input.chooseAnyHint') }}
    >
      {question.options.map((option) => (
        <Choice
          key={option.id}
          type="checkbox"
          id={`${idPrefix}-option-${option.id}`}
          value={option.id}
          checked={chosen.has(option.id)}
          onChange={(on) => toggle(option.id, on)}
        >
          <RichText document={option.text} inline />
        </Choice>
      ))}
    </AnswerGroup>
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
    <AnswerGroup
      className="quiz-choices"
      legend={t('quiz:input.trueOrFalse', { number })}
      promptId={promptId}
      locked={locked}
    >
      {[true, false].map((value) => (
        <Choice
          key={String(value)}
          type="radio"
          id={`${idPrefix}-${value ? 'true' : 'false'}`}
          name={`${idPrefix}-truth`}
          checked={chosen === value}
          onChange={() => onAnswer({ answer: value })}
        >
          {value ? t('quiz:input.true') : t('quiz:input.false')}
        </Choice>
      ))}
    </AnswerGroup>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import {
  SCORING_RULES,
  type MultipleResponseQuestion,
  type MultipleResponseScoring,
  type SingleChoiceQuestion,
} from '../questionModel';
import { newId } from '../questionDefaults';
import { textToDoc } from '../richText';
import { fieldId, useFieldError } from './fieldErrors';
import { DocTextField } from './inputs';
import { focusIdLater, focusLater, moved, replaced, RowControls, without } from './RowControls';

type ChoiceQuestion = SingleChoiceQuestion | MultipleResponseQuestion;

export interface ChoiceFieldsProps<Q extends ChoiceQuestion> {
  question: Q;
  onChange: (question: Q) => void;
}

/** Options of a single-choice or multiple-response question: text, feedback, which are correct. */
export function ChoiceFields<Q extends ChoiceQuestion>({ question, onChange }: ChoiceFieldsProps<Q>) {
  const { t } = useTranslation();
  const single = question.type === 'single-choice';
  const correctError = useFieldError(single ? 'question.correctOptionId' : 'question.options');
  const options = question.options as ChoiceQuestion['options'];
  const setOptions = (next: ChoiceQuestion['options']) => onChange({ ...question, options: next } as Q);
  const isCorrect = (index: number) => {
    const option = options[index]!;
    return question.type === 'single-choice'
      ? question.correctOptionId === option.id
      : (option as { correct: boolean }).correct;
  };
  const setCorrect = (index: number, correct: boolean) => {
    const option = options[index]!;
    if (question.type === 'single-choice') onChange({ ...question, correctOptionId: option.id } as Q);
    else setOptions(replaced(options as MultipleResponseQuestion['options'], index, { ...option, correct }));
  };
  const addOption = () => {
    const option = { id: newId(), text: textToDoc(''), feedback: null };
    setOptions([...options, single ? option : { ...option, correct: false }]);
    focusIdLater(fieldId(`question.options.${options.length}.text`));
  };

  return (
    <fieldset className="studio-fieldset question-list">
      <legend>{t('questions.form.options')}</legend>
      {correctError ? (
        <p
          className="arch-field__error"
          id={fieldId(single ? 'question.correctOptionId' : 'question.options')}
        >
          {correctError}
        </p>
      ) : null}
      <ol>
        {options.map((option, index) => {
          const name = t('questions.form.optionName', { number: index + 1 });
          const path = `question.options.${index}`;
          return (
            <li key={option.id} className="question-list__row">
              <DocTextField
                label={t('questions.form.optionText', { number: index + 1 })}
                path={`${path}.text`}
                initial={option.text}
                onChange={(text) => setOptions(replaced(options, index, { ...option, text: text! }))}
              />
              <div className="studio-checkbox">
                <input
                  id={fieldId(`${path}.correct`)}
                  type={single ? 'radio' : 'checkbox'}
                  name={single ? 'correct-option' : undefined}
                  checked={isCorrect(index)}
                  onChange={(event) => setCorrect(index, event.target.checked)}
                />
                <label htmlFor={fieldId(`${path}.correct`)}>
                  {t('questions.form.optionCorrect', { number: index + 1 })}
                </label>
              </div>
              <DocTextField
                label={t('questions.form.optionFeedback', { number: index + 1 })}
                path={`${path}.feedback`}
                initial={option.feedback}
                optional
                onChange={(feedback) => setOptions(replaced(options, index, { ...option, feedback }))}
              />
              <RowControls
                name={name}
                rowKey={`option:${option.id}`}
                index={index}
                count={options.length}
                minimum={2}
                onMove={(from, to) => setOptions(moved(options, from, to))}
                onRemove={() => {
                  const next = without(options, index);
                  if (question.type === 'single-choice' && question.correctOptionId === option.id) {
                    onChange({ ...question, options: next, correctOptionId: next[0]?.id ?? '' } as Q);
                  } else setOptions(next);
                  focusLater('options:add');
                }}
              />
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" data-focus="options:add" onClick={addOption}>
        {t('questions.form.addOption')}
      </Button>
      {question.type === 'multiple-response' ? (
        <ScoringField
          value={question.scoring}
          onChange={(scoring) => onChange({ ...question, scoring } as Q)}
        />
      ) : null}
    </fieldset>
  );
}

function ScoringField({
  value,
  onChange,
}: {
  value: MultipleResponseScoring;
  onChange: (value: MultipleResponseScoring) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="studio-fieldset">
      <legend>{t('questions.form.scoring')}</legend>
      {SCORING_RULES.map((rule) => (
        <div className="studio-checkbox" key={rule}>
          <input
            type="radio"
            id={fieldId(`question.scoring.${rule}`)}
            name="scoring"
            checked={value === rule}
            aria-describedby={`${fieldId(`question.scoring.${rule}`)}-hint`}
            onChange={() => onChange(rule)}
          />
          <label htmlFor={fieldId(`question.scoring.${rule}`)}>{t(`questions.scoring.${rule}.label`)}</label>
          <p className="arch-field__hint" id={`${fieldId(`question.scoring.${rule}`)}-hint`}>
            {t(`questions.scoring.${rule}.hint`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import type { NumericAnswer, NumericQuestion, NumericUnit } from '../questionModel';
import { AnswerCreditFields } from './AnswerCreditFields';
import { fieldId } from './fieldErrors';
import { NumberField, TextField } from './inputs';
import { focusIdLater, replaced, RowControls, useRowGeneration, without } from './RowControls';

/** Accepted values with their tolerance, and the units a learner may answer in. */
export function NumericFields({
  question,
  onChange,
}: {
  question: NumericQuestion;
  onChange: (question: NumericQuestion) => void;
}) {
  const { t } = useTranslation();
  const { answers, units } = question;
  const [generation, renew] = useRowGeneration();
  const setAnswer = (index: number, answer: NumericAnswer) =>
    onChange({ ...question, answers: replaced(answers, index, answer) });
  const setUnit = (index: number, unit: NumericUnit) =>
    onChange({ ...question, units: replaced(units, index, unit) });

  return (
    <>
      <fieldset className="studio-fieldset question-list">
        <legend>{t('questions.form.acceptedValues')}</legend>
        <ol>
          {answers.map((answer, index) => {
            const path = `question.answers.${index}`;
            return (
              <li key={`${generation}:${index}`} className="question-list__row">
                <NumberField
                  label={t('questions.form.numericValue', { number: index + 1 })}
                  path={`${path}.value`}
                  value={answer.value}
                  onChange={(value) => setAnswer(index, { ...answer, value: value ?? 0 })}
                />
                <NumberField
                  label={t('questions.form.numericTolerance', { number: index + 1 })}
                  hint={t('questions.form.numericToleranceHint')}
                  path={`${path}.tolerance`}
                  min={0}
                  value={answer.tolerance}
                  onChange={(tolerance) => setAnswer(index, { ...answer, tolerance: tolerance ?? 0 })}
                />
                <AnswerCreditFields
                  answer={answer}
                  index={index}
                  onChange={(next) => setAnswer(index, next)}
                />
                <RowControls
                  name={t('questions.form.valueName', { number: index + 1 })}
                  rowKey={`value:${index}`}
                  index={index}
                  count={answers.length}
                  onRemove={() => {
                    onChange({ ...question, answers: without(answers, index) });
                    renew();
                    focusIdLater('values-add');
                  }}
                />
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          id="values-add"
          onClick={() => {
            onChange({
              ...question,
              answers: [...answers, { value: 0, tolerance: 0, fraction: 1, feedback: null }],
            });
            focusIdLater(fieldId(`question.answers.${answers.length}.value`));
          }}
        >
          {t('questions.form.addValue')}
        </Button>
      </fieldset>
      <fieldset className="studio-fieldset question-list">
        <legend>{t('questions.form.units')}</legend>
        <p className="arch-field__hint">{t('questions.form.unitsHint')}</p>
        {units.length > 0 ? (
          <ol>
            {units.map((unit, index) => {
              const path = `question.units.${index}`;
              return (
                <li key={`${generation}:${index}`} className="question-list__row">
                  <TextField
                    label={t('questions.form.unit', { number: index + 1 })}
                    path={`${path}.unit`}
                    value={unit.unit}
                    onChange={(text) => setUnit(index, { ...unit, unit: text })}
                  />
                  <NumberField
                    label={t('questions.form.unitMultiplier', { number: index + 1 })}
                    hint={t('questions.form.unitMultiplierHint')}
                    path={`${path}.multiplier`}
                    value={unit.multiplier}
                    onChange={(multiplier) => setUnit(index, { ...unit, multiplier: multiplier ?? 1 })}
                  />
                  <RowControls
                    name={t('questions.form.unitName', { number: index + 1 })}
                    rowKey={`unit:${index}`}
                    index={index}
                    count={units.length}
                    minimum={0}
                    onRemove={() => {
                      onChange({ ...question, units: without(units, index) });
                      renew();
                      focusIdLater('units-add');
                    }}
                  />
                </li>
              );
            })}
          </ol>
        ) : null}
        <Button
          variant="secondary"
          id="units-add"
          onClick={() => {
            onChange({ ...question, units: [...units, { unit: '', multiplier: 1 }] });
            focusIdLater(fieldId(`question.units.${units.length}.unit`));
          }}
        >
          {t('questions.form.addUnit')}
        </Button>
      </fieldset>
    </>
  );
}

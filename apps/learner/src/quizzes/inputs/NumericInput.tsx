import { useTranslation } from 'react-i18next';
import { AnswerField } from './AnswerField';
import type { InputProps, Narrow } from './input-props';

// Mirrors the server's reading of a numeric answer (grade-numeric.ts): a number, then maybe a unit.
const NUMBER_THEN_UNIT = /^\s*([+\-−–]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?)?\s*(.*)$/iu;

/** The typed number and the chosen unit of a stored answer such as "12.5 km". */
export function splitNumeric(text: string, units: string[]): { number: string; unit: string } {
  const found = NUMBER_THEN_UNIT.exec(text.trim());
  const number = found?.[1] ?? '';
  const rest = (found?.[2] ?? '').trim();
  if (units.includes(rest)) return { number, unit: rest };
  // Anything else typed stays in the box, so the learner sees exactly what will be graded.
  return { number: text.trim(), unit: '' };
}

const looksNumeric = (value: string) =>
  value.trim() === '' || /^[+\-−–]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/iu.test(value.trim());

/** A number, and its unit from a list when the question has units. Saved after a pause in typing. */
export function NumericInput({
  question,
  response,
  onAnswer,
  locked,
  idPrefix,
  promptId,
  number,
}: InputProps<Narrow<'numeric'>>) {
  const { t } = useTranslation();
  const text = response && 'text' in response ? response.text : '';
  const { number: value, unit } = splitNumeric(text, question.units);
  const id = `${idPrefix}-number`;
  const unitId = `${idPrefix}-unit`;
  const errorId = `${idPrefix}-number-error`;
  const invalid = !looksNumeric(value);
  const save = (nextValue: string, nextUnit: string, typing: boolean) => {
    const combined = [nextValue.trim(), nextUnit].filter(Boolean).join(' ');
    onAnswer(nextValue.trim() === '' ? null : { text: combined }, { typing });
  };
  return (
    <div className="quiz-numeric">
      <AnswerField id={id} label={t('quiz:input.number', { number })} invalid={invalid}>
        {invalid ? (
          <p className="arch-field__error" id={errorId}>
            {t('quiz:input.notANumber')}
          </p>
        ) : null}
        <input
          id={id}
          className="arch-input quiz-numeric__value"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-describedby={invalid ? `${promptId} ${errorId}` : promptId}
          aria-invalid={invalid || undefined}
          readOnly={locked}
          value={value}
          onChange={(event) => save(event.target.value, unit, true)}
        />
      </AnswerField>
      {question.units.length > 0 ? (
        <AnswerField id={unitId} label={t('quiz:input.unit')}>
          <select
            id={unitId}
            className="arch-input"
            disabled={locked}
            value={unit}
            onChange={(event) => save(value, event.target.value, false)}
          >
            <option value="">{t('quiz:input.noUnit')}</option>
            {question.units.map((candidate) => (
              <option key={candidate} value={candidate}>
                {candidate}
              </option>
            ))}
          </select>
        </AnswerField>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { TrueFalseQuestion } from '../questionModel';
import { fieldId } from './fieldErrors';
import { DocTextField } from './inputs';

export function TrueFalseFields({
  question,
  onChange,
}: {
  question: TrueFalseQuestion;
  onChange: (question: TrueFalseQuestion) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="studio-fieldset">
        <legend>{t('questions.form.trueFalseAnswer')}</legend>
        {[true, false].map((value) => (
          <div className="studio-checkbox" key={String(value)}>
            <input
              type="radio"
              name="true-false-answer"
              id={fieldId(`question.answer.${value}`)}
              checked={question.answer === value}
              onChange={() => onChange({ ...question, answer: value })}
            />
            <label htmlFor={fieldId(`question.answer.${value}`)}>
              {t(value ? 'questions.form.true' : 'questions.form.false')}
            </label>
          </div>
        ))}
      </fieldset>
      <DocTextField
        label={t('questions.form.feedbackTrue')}
        path="question.feedbackTrue"
        initial={question.feedbackTrue}
        optional
        onChange={(feedbackTrue) => onChange({ ...question, feedbackTrue })}
      />
      <DocTextField
        label={t('questions.form.feedbackFalse')}
        path="question.feedbackFalse"
        initial={question.feedbackFalse}
        optional
        onChange={(feedbackFalse) => onChange({ ...question, feedbackFalse })}
      />
    </>
  );
}

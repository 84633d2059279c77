import { useTranslation } from 'react-i18next';
import type { Question } from '../questionModel';
import { ChoiceFields } from './ChoiceFields';
import { CheckboxField, NumberField } from './inputs';
import { MatchingFields } from './MatchingFields';
import { NumericFields } from './NumericFields';
import { OrderingFields } from './OrderingFields';
import { ShortAnswerFields } from './ShortAnswerFields';
import { TrueFalseFields } from './TrueFalseFields';

/** The fields that differ by question type. */
export function TypeFields({ question, onChange }: { question: Question; onChange: (q: Question) => void }) {
  const { t } = useTranslation();
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return <ChoiceFields question={question} onChange={onChange} />;
    case 'true-false':
      return <TrueFalseFields question={question} onChange={onChange} />;
    case 'short-answer':
      return <ShortAnswerFields question={question} onChange={onChange} />;
    case 'numeric':
      return <NumericFields question={question} onChange={onChange} />;
    case 'matching':
      return <MatchingFields question={question} onChange={onChange} />;
    case 'ordering':
      return <OrderingFields question={question} onChange={onChange} />;
    case 'essay':
      return (
        <>
          <CheckboxField
            label={t('questions.form.essayGraded')}
            hint={t('questions.form.essayGradedHint')}
            path="question.graded"
            checked={question.graded}
            onChange={(graded) => onChange({ ...question, graded })}
          />
          <NumberField
            label={t('questions.form.minWords')}
            path="question.minWords"
            min={0}
            step={1}
            value={question.minWords ?? null}
            onChange={(minWords) => {
              const { minWords: _dropped, ...rest } = question;
              onChange(minWords === null || minWords <= 0 ? rest : { ...rest, minWords });
            }}
          />
        </>
      );
  }
}

import { useTranslation } from 'react-i18next';
import { Button } from '@archipelago/ui';
import type { ShortAnswer, ShortAnswerQuestion } from '../questionModel';
import { AnswerCreditFields } from './AnswerCreditFields';
import { fieldId } from './fieldErrors';
import { CheckboxField, TextField } from './inputs';
import { focusIdLater, replaced, RowControls, useRowGeneration, without } from './RowControls';

/** Accepted answers (each with its share of the mark), and whether case matters. */
export function ShortAnswerFields({
  question,
  onChange,
}: {
  question: ShortAnswerQuestion;
  onChange: (question: ShortAnswerQuestion) => void;
}) {
  const { t } = useTranslation();
  const answers = question.answers;
  // Answers have no id: after a removal every row starts again from the data (see useRowGeneration).
  const [generation, renew] = useRowGeneration();
  const setAnswer = (index: number, answer: ShortAnswer) =>
    onChange({ ...question, answers: replaced(answers, index, answer) });
  return (
    <fieldset className="studio-fieldset question-list">
      <legend>{t('questions.form.acceptedAnswers')}</legend>
      <ol>
        {answers.map((answer, index) => {
          const path = `question.answers.${index}`;
          return (
            <li key={`${generation}:${index}`} className="question-list__row">
              <TextField
                label={t('questions.form.answerText', { number: index + 1 })}
                path={`${path}.text`}
                value={answer.text}
                onChange={(text) => setAnswer(index, { ...answer, text })}
              />
              <CheckboxField
                label={t('questions.form.answerPattern', { number: index + 1 })}
                hint={t('questions.form.answerPatternHint')}
                path={`${path}.pattern`}
                checked={answer.pattern ?? false}
                onChange={(pattern) => setAnswer(index, { ...answer, pattern })}
              />
              <AnswerCreditFields answer={answer} index={index} onChange={(next) => setAnswer(index, next)} />
              <RowControls
                name={t('questions.form.answerName', { number: index + 1 })}
                rowKey={`answer:${index}`}
                index={index}
                count={answers.length}
                onRemove={() => {
                  onChange({ ...question, answers: without(answers, index) });
                  renew();
                  focusIdLater('answers-add');
                }}
              />
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        id="answers-add"
        onClick={() => {
          onChange({ ...question, answers: [...answers, { text: '', fraction: 1, feedback: null }] });
          focusIdLater(fieldId(`question.answers.${answers.length}.text`));
        }}
      >
        {t('questions.form.addAnswer')}
      </Button>
      <CheckboxField
        label={t('questions.form.caseSensitive')}
        path="question.caseSensitive"
        checked={question.caseSensitive}
        onChange={(caseSensitive) => onChange({ ...question, caseSensitive })}
      />
    </fieldset>
  );
}

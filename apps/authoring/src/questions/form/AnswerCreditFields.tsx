import { useTranslation } from 'react-i18next';
import type { RichText } from '../questionModel';
import { DocTextField, NumberField } from './inputs';

/** What short-answer and numeric accepted answers have alike. */
interface CreditedAnswer {
  /** The share of the question's points, 0..1; edited as a percentage. */
  fraction: number;
  feedback: RichText | null;
}

/** The mark an accepted answer earns and the feedback a learner who gives it sees. */
export function AnswerCreditFields<A extends CreditedAnswer>({
  answer,
  index,
  onChange,
}: {
  answer: A;
  /** The answer's place in `question.answers`, for labels and the API's field paths. */
  index: number;
  onChange: (answer: A) => void;
}) {
  const { t } = useTranslation();
  const path = `question.answers.${index}`;
  return (
    <>
      <NumberField
        label={t('questions.form.answerFraction', { number: index + 1 })}
        path={`${path}.fraction`}
        min={0}
        max={100}
        value={Math.round(answer.fraction * 100)}
        onChange={(percent) => onChange({ ...answer, fraction: (percent ?? 0) / 100 })}
      />
      <DocTextField
        label={t('questions.form.answerFeedback', { number: index + 1 })}
        path={`${path}.feedback`}
        initial={answer.feedback}
        optional
        onChange={(feedback) => onChange({ ...answer, feedback })}
      />
    </>
  );
}

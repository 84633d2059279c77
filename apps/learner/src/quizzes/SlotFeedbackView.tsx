import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { plainText, RichText } from './RichText';
import type { LearnerQuestion, QuizResponse, SlotFeedback } from './quiz-api';

/** A response in words, in the question's own terms (option texts, "True", items in order…). */
export function ResponseInWords({
  question,
  response,
}: {
  question: LearnerQuestion;
  response: QuizResponse | null | undefined;
}) {
  const { t } = useTranslation();
  if (!response) return <>{t('quiz:feedback.noAnswer')}</>;
  const optionText = (id: string) =>
    'options' in question ? plainText(question.options.find((o) => o.id === id)?.text) : id;
  if ('optionId' in response) return <>{optionText(response.optionId)}</>;
  if ('optionIds' in response)
    return (
      <ul>
        {response.optionIds.map((id) => (
          <li key={id}>{optionText(id)}</li>
        ))}
      </ul>
    );
  if ('answer' in response) return <>{response.answer ? t('quiz:input.true') : t('quiz:input.false')}</>;
  if ('text' in response) return <>{response.text}</>;
  if ('matches' in response) {
    const prompts = question.type === 'matching' ? question.prompts : [];
    return (
      <ul>
        {prompts.map((pair) => (
          <li key={pair.id}>
            {t('quiz:feedback.matchedTo', {
              prompt: plainText(pair.prompt),
              answer: response.matches[pair.id] ?? t('quiz:feedback.noAnswer'),
            })}
          </li>
        ))}
      </ul>
    );
  }
  const items = question.type === 'ordering' ? question.items : [];
  return (
    <ol>
      {response.order.map((id) => (
        <li key={id}>{plainText(items.find((item) => item.id === id)?.text)}</li>
      ))}
    </ol>
  );
}

/** A question's mark, feedback and (when the quiz shows them) the right answer, as the API gives them. */
export function SlotFeedbackView({
  question,
  feedback,
  headingId,
  headingLevel = 3,
}: {
  question: LearnerQuestion;
  feedback: SlotFeedback;
  headingId: string;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t } = useTranslation();
  const { number } = useFormatters();
  const mark =
    feedback.status === 'needs-grading'
      ? t('quiz:feedback.needsGrading')
      : feedback.status === 'ungraded'
        ? t('quiz:feedback.ungraded')
        : t('quiz:feedback.points', {
            points: number(feedback.points ?? 0),
            max: number(feedback.maxPoints),
          });
  const verdict = feedback.status === 'graded' ? feedback.outcome : null;
  return (
    // A <div>, not a <section>: a landmark per question would crowd the landmark list with "Right".
    <div className={`quiz-feedback quiz-feedback--${verdict ?? 'neutral'}`}>
      <Heading id={headingId} className="quiz-feedback__title">
        {verdict ? t(`quiz:feedback.${verdict}`) : t('quiz:feedback.title')}
      </Heading>
      <p>{mark}</p>
      {feedback.feedback.map((document, index) => (
        <RichText key={index} document={document} className="quiz-prose" />
      ))}
      {feedback.generalFeedback ? (
        <RichText document={feedback.generalFeedback} className="quiz-prose" />
      ) : null}
      {feedback.comment ? (
        <div className="quiz-feedback__comment">
          <p>
            <strong>{t('quiz:feedback.comment')}</strong>
          </p>
          <p>{feedback.comment}</p>
        </div>
      ) : null}
      {feedback.correctResponse ? (
        <div className="quiz-feedback__correct">
          <p>
            <strong>{t('quiz:feedback.correctAnswer')}</strong>
          </p>
          <ResponseInWords question={question} response={feedback.correctResponse} />
        </div>
      ) : null}
    </div>
  );
}

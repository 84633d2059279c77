import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, useFormatters } from '@archipelago/ui';
import { QuestionInput } from './inputs/QuestionInput';
import { RichText } from './RichText';
import { SlotFeedbackView } from './SlotFeedbackView';
import type { AttemptSlotView, QuizResponse, SlotFeedback } from './quiz-api';
import type { SaveState } from './useAttemptAnswers';

export interface QuestionCardProps {
  slot: AttemptSlotView;
  /** 1-based position in the attempt. */
  number: number;
  count: number;
  response: QuizResponse | null;
  saveState: SaveState;
  feedback: SlotFeedback | null;
  locked: boolean;
  onAnswer: (response: QuizResponse | null, options?: { typing?: boolean }) => void;
  /** Present when the quiz gives feedback right away: checks (and locks) this question. */
  onCheck?: () => void;
  checking?: boolean;
  checkError?: string | null;
}

export const questionHeadingId = (slot: number) => `quiz-question-${slot}`;

/** One question: its heading (focused on page change), prompt, answer input, save status and feedback. */
export const QuestionCard = forwardRef<HTMLHeadingElement, QuestionCardProps>(function QuestionCard(
  { slot, number, count, response, saveState, feedback, locked, onAnswer, onCheck, checking, checkError },
  headingRef,
) {
  const { t } = useTranslation();
  const { number: formatNumber } = useFormatters();
  const idPrefix = `q${slot.slot}`;
  const headingId = questionHeadingId(slot.slot);
  const promptId = `${idPrefix}-prompt`;
  const checkErrorId = `${idPrefix}-check-error`;
  return (
    <section className="quiz-question" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="quiz-question__heading">
        {t('quiz:attempt.questionOf', { number, total: count })}
        <span className="quiz-question__points">
          {' · '}
          {t('quiz:attempt.points', { points: formatNumber(slot.points) })}
        </span>
      </h2>
      <RichText document={slot.question.prompt} id={promptId} className="quiz-prose quiz-question__prompt" />
      <QuestionInput
        question={slot.question}
        response={response}
        onAnswer={onAnswer}
        locked={locked}
        idPrefix={idPrefix}
        promptId={promptId}
        number={number}
      />
      <SaveStatus state={saveState} />
      {onCheck && !locked ? (
        <div className="quiz-question__check">
          <Button
            variant="secondary"
            onClick={onCheck}
            disabled={checking}
            aria-describedby={checkError ? checkErrorId : undefined}
          >
            {checking ? t('quiz:attempt.checking') : t('quiz:attempt.check')}
          </Button>
          <p className="quiz-hint">{t('quiz:attempt.checkHint')}</p>
          {checkError ? (
            <p className="arch-field__error" id={checkErrorId} role="alert">
              {checkError}
            </p>
          ) : null}
        </div>
      ) : null}
      {feedback ? (
        <SlotFeedbackView question={slot.question} feedback={feedback} headingId={`${idPrefix}-feedback`} />
      ) : null}
    </section>
  );
});

/** Where this question's answer stands; a status region, so "saved" is read out without moving focus. */
function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const text =
    state.status === 'saving'
      ? t('quiz:save.saving')
      : state.status === 'saved'
        ? t('quiz:save.saved', { time: date(state.at, { timeStyle: 'short' }) })
        : state.status === 'waiting'
          ? t('quiz:save.waiting')
          : state.status === 'rejected'
            ? t('quiz:save.rejected')
            : '';
  return (
    <p role="status" className={`quiz-save quiz-save--${state.status}`}>
      {text}
    </p>
  );
}

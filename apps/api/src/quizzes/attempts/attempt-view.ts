import { learnerView, type Question } from '../questions/index.js';
import type { AttemptRecord, AttemptRow } from './attempt-records.js';
import { isoOrNull } from './attempt-records.js';
import { feedbackAllowed, resultAllowed, resultOf, slotFeedback, withPoints } from './attempt-feedback.js';
import type { FrozenQuiz } from './frozen-quiz.js';
import type { AttemptSummary, AttemptView, LearnerQuestion } from './quiz-attempts.dto.js';

const questionKey = (slot: { questionId: string; version: number }) => `${slot.questionId}:${slot.version}`;

/**
 * An attempt as its learner sees it: each question through `learnerView` (the only way a question
 * reaches a learner) in the attempt's option order, and feedback and result only as the quiz's
 * settings allow at this moment.
 */
export function attemptView(
  attempt: AttemptRecord,
  quiz: FrozenQuiz,
  title: string,
  questions: Map<string, Question>,
): AttemptView {
  const now = attempt.serverNow;
  const { settings } = quiz;
  return {
    id: attempt.id,
    number: attempt.number,
    status: attempt.status,
    quiz: { slug: attempt.slug, activityId: attempt.activityId, title },
    startedAt: attempt.startedAt.toISOString(),
    deadline: isoOrNull(attempt.deadline),
    submittedAt: isoOrNull(attempt.submittedAt),
    autoSubmitted: attempt.autoSubmitted,
    serverNow: now.toISOString(),
    layout: settings.layout,
    feedbackTiming: settings.feedback,
    slots: attempt.slots.map((slot) => {
      const question = questions.get(questionKey(slot))!;
      const asked = withPoints(question, slot.maxPoints);
      const shown = feedbackAllowed(settings, attempt, slot, now);
      return {
        slot: slot.slot,
        points: slot.maxPoints,
        question: learnerView(asked, { optionOrder: slot.optionOrder ?? undefined }) as LearnerQuestion,
        response: slot.response as Record<string, unknown> | null,
        answeredAt: isoOrNull(slot.answeredAt),
        locked: slot.locked || attempt.status === 'submitted',
        feedback: shown ? slotFeedback(question, slot, settings.showCorrectAnswers) : null,
      };
    }),
    result: resultAllowed(settings, attempt, now) ? resultOf(attempt) : null,
  };
}

export function attemptSummary(attempt: AttemptRow, quiz: FrozenQuiz): AttemptSummary {
  return {
    id: attempt.id,
    number: attempt.number,
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    deadline: isoOrNull(attempt.deadline),
    submittedAt: isoOrNull(attempt.submittedAt),
    autoSubmitted: attempt.autoSubmitted,
    result: resultAllowed(quiz.settings, attempt, attempt.serverNow) ? resultOf(attempt) : null,
  };
}

export { questionKey };

import { grade, type Question } from '../questions/index.js';
import type { QuizSettingsValue } from './quiz-settings.js';
import type { AttemptRecord, AttemptRow, SlotRecord } from './attempt-records.js';
import type { AttemptResult, SlotFeedback } from './quiz-attempts.dto.js';

/** The question with the slot's points, which may override the question's own. */
export const withPoints = (question: Question, points: number): Question => ({ ...question, points });

/** Whether the quiz has closed (its window's end has passed), by the server's clock. */
export const closed = (settings: QuizSettingsValue, now: Date) =>
  settings.availableUntil !== null && now.getTime() >= Date.parse(settings.availableUntil);

/**
 * When a learner may see how an answer did: a checked slot of an immediate-feedback quiz; every
 * slot of a submitted attempt, unless the quiz gives feedback only once it closes.
 */
export function feedbackAllowed(
  settings: QuizSettingsValue,
  attempt: Pick<AttemptRecord, 'status'>,
  slot: Pick<SlotRecord, 'locked'>,
  now: Date,
): boolean {
  if (attempt.status === 'submitted') {
    return settings.feedback !== 'after-close' || settings.availableUntil === null || closed(settings, now);
  }
  return settings.feedback === 'immediate' && slot.locked;
}

/** When the attempt's result may be shown: as its slots' feedback, once it is submitted. */
export const resultAllowed = (
  settings: QuizSettingsValue,
  attempt: Pick<AttemptRecord, 'status'>,
  now: Date,
) => feedbackAllowed(settings, attempt, { locked: true }, now) && attempt.status === 'submitted';

export function resultOf(attempt: AttemptRow): AttemptResult {
  return {
    points: attempt.pendingGrading > 0 ? null : attempt.points,
    maxPoints: attempt.maxPoints,
    score: attempt.score,
    passed: attempt.passed,
    pendingGrading: attempt.pendingGrading,
  };
}

/**
 * One slot's feedback from its stored grade (which a trainer or a regrade may have set) and the
 * feedback texts grading gives for the stored response.
 */
export function slotFeedback(question: Question, slot: SlotRecord, showCorrect: boolean): SlotFeedback {
  const graded = grade(withPoints(question, slot.maxPoints), slot.response);
  const status = slot.grading === 'pending' ? graded.status : slot.grading;
  const fraction =
    slot.grading === 'pending' ? (graded.status === 'graded' ? graded.fraction : null) : slot.fraction;
  const points =
    slot.grading === 'pending' ? (graded.status === 'graded' ? graded.points : null) : slot.points;
  const outcome =
    status !== 'graded' || fraction === null
      ? null
      : fraction >= 1
        ? 'right'
        : fraction <= 0
          ? 'wrong'
          : 'partly-right';
  return {
    status,
    outcome,
    points: status === 'ungraded' ? null : points,
    maxPoints: slot.maxPoints,
    feedback: graded.status === 'graded' ? graded.feedback : [],
    generalFeedback: question.generalFeedback,
    correctResponse: showCorrect ? correctResponse(question) : null,
    comment: slot.comment,
  };
}

/** A fully right answer, in the shape of a response; null for essays, which have none. */
export function correctResponse(question: Question): Record<string, unknown> | null {
  switch (question.type) {
    case 'single-choice':
      return { optionId: question.correctOptionId };
    case 'multiple-response':
      return { optionIds: question.options.filter((option) => option.correct).map((option) => option.id) };
    case 'true-false':
      return { answer: question.answer };
    case 'short-answer': {
      const best = [...question.answers].sort((a, b) => b.fraction - a.fraction)[0];
      return best ? { text: best.text } : null;
    }
    case 'numeric': {
      const best = [...question.answers].sort((a, b) => b.fraction - a.fraction)[0];
      if (!best) return null;
      const unit = question.units.find((u) => u.multiplier === 1)?.unit;
      return { text: unit ? `${best.value} ${unit}` : String(best.value) };
    }
    case 'matching':
      return { matches: Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.answer])) };
    case 'ordering':
      return { order: question.items.map((item) => item.id) };
    case 'essay':
      return null;
  }
}

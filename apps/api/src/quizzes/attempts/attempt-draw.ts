import { shuffledIds, type Question } from '../questions/index.js';
import type { FrozenQuiz } from './frozen-quiz.js';
import type { QuestionRef } from '../bank/question-versions.service.js';

/** One slot of a new attempt, before it is stored. */
export interface DrawnSlot {
  questionId: string;
  version: number;
  maxPoints: number;
  optionOrder: string[] | null;
}

/** A draw's slots before their questions are read: references and each slot's points override. */
export interface PickedSlot extends QuestionRef {
  points: number | null;
}

type Random = () => number;

/**
 * Picks an attempt's questions: fixed slots as they are, each random draw `count` distinct
 * questions of its pool that are not fixed elsewhere in the quiz nor drawn by another slot, then
 * the whole order shuffled when the quiz says so.
 */
export function pickQuestions(quiz: FrozenQuiz, random: Random = Math.random): PickedSlot[] {
  const taken = new Set(quiz.slots.flatMap((slot) => (slot.kind === 'question' ? [slot.questionId] : [])));
  const picked: PickedSlot[] = [];
  for (const slot of quiz.slots) {
    if (slot.kind === 'question') {
      picked.push({ questionId: slot.questionId, version: slot.version, points: slot.points });
      continue;
    }
    const candidates = slot.pool.filter((ref) => !taken.has(ref.questionId));
    const order = shuffledIds(
      candidates.map((_, i) => String(i)),
      random,
    );
    for (const index of order.slice(0, slot.count)) {
      const ref = candidates[Number(index)]!;
      taken.add(ref.questionId);
      picked.push({ questionId: ref.questionId, version: ref.version, points: slot.points });
    }
  }
  if (!quiz.settings.shuffleQuestions) return picked;
  const order = shuffledIds(
    picked.map((_, i) => String(i)),
    random,
  );
  return order.map((i) => picked[Number(i)]!);
}

/**
 * The order an attempt shows a question's options, matching prompts or ordering items in. Ordering
 * items are always shuffled (their stored order is the answer), and never left in that order when
 * another exists.
 */
export function optionOrderFor(question: Question, shuffleOptions: boolean, random: Random = Math.random) {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return shuffleOptions
        ? shuffledIds(
            question.options.map((o) => o.id),
            random,
          )
        : null;
    case 'matching':
      return shuffleOptions
        ? shuffledIds(
            question.pairs.map((p) => p.id),
            random,
          )
        : null;
    case 'ordering': {
      const ids = question.items.map((item) => item.id);
      let order = shuffledIds(ids, random);
      for (let tries = 0; tries < 10 && ids.length > 1 && order.every((id, i) => id === ids[i]); tries++) {
        order = shuffledIds(ids, random);
      }
      if (ids.length > 1 && order.every((id, i) => id === ids[i])) order = [...ids.slice(1), ids[0]!];
      return order;
    }
    default:
      return null;
  }
}

/** Whether a question counts toward points (ungraded essays collect an answer without a mark). */
export const isGradable = (question: Question) => !(question.type === 'essay' && !question.graded);

import { NOTHING, type Score } from './grade-result.js';
import type {
  MatchingQuestion,
  MatchingResponse,
  OrderingItem,
  OrderingQuestion,
  OrderingResponse,
} from './question-model.js';

export function gradeMatching(question: MatchingQuestion, response: MatchingResponse | null): Score {
  if (!response || question.pairs.length === 0) return NOTHING;
  const right = question.pairs.filter(
    (pair) => Object.hasOwn(response.matches, pair.id) && response.matches[pair.id] === pair.answer,
  ).length;
  return { fraction: right / question.pairs.length, feedback: [] };
}

/** The share of items the learner put exactly where they belong. */
export function exactPositionFraction(items: OrderingItem[], order: string[]): number {
  if (items.length === 0) return 0;
  return items.filter((item, index) => order[index] === item.id).length / items.length;
}

/**
 * The share of items in the longest run, not necessarily adjacent, that keeps the correct relative order,
 * as Moodle's "longest ordered subset": one item moved too far costs one item, not all that shifted.
 */
export function longestCorrectSubsequenceFraction(items: OrderingItem[], order: string[]): number {
  if (items.length === 0) return 0;
  const correctIndex = new Map(items.map((item, index) => [item.id, index]));
  const positions = order.flatMap((id) => {
    const index = correctIndex.get(id);
    return index === undefined ? [] : [index];
  });
  // Patience sorting: tails[k] is the smallest tail of an increasing run of length k + 1.
  const tails: number[] = [];
  for (const position of positions) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tails[middle] ?? 0) < position) low = middle + 1;
      else high = middle;
    }
    tails[low] = position;
  }
  return tails.length / items.length;
}

export type OrderingScoring = 'exact-position' | 'longest-subsequence';

export function gradeOrdering(
  question: OrderingQuestion,
  response: OrderingResponse | null,
  scoring: OrderingScoring = 'exact-position',
): Score {
  if (!response) return NOTHING;
  const fraction =
    scoring === 'exact-position'
      ? exactPositionFraction(question.items, response.order)
      : longestCorrectSubsequenceFraction(question.items, response.order);
  return { fraction, feedback: [] };
}

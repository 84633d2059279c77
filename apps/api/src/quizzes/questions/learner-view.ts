import type { Question, QuestionType, RichText } from './question-model.js';

/*
 * What a learner may see of a question during an attempt. Built field by field, never by copying and
 * deleting, so a field added to the stored model later stays hidden until someone decides to show it.
 */

interface ViewBase<T extends QuestionType> {
  type: T;
  prompt: RichText;
  points: number;
}

export interface LearnerOption {
  id: string;
  text: RichText;
}

export type LearnerView =
  | (ViewBase<'single-choice' | 'multiple-response'> & { options: LearnerOption[] })
  | ViewBase<'true-false' | 'short-answer'>
  | (ViewBase<'numeric'> & { units: string[] })
  | (ViewBase<'matching'> & { prompts: { id: string; prompt: RichText }[]; answers: string[] })
  | (ViewBase<'ordering'> & { items: LearnerOption[] })
  | (ViewBase<'essay'> & { minWords?: number });

export interface LearnerViewOptions {
  /** The order this attempt shows options, pairs or items in; stored with the attempt so it stays stable. */
  optionOrder?: string[];
}

/** A uniformly random order of `ids`, for an attempt to store as its `optionOrder`. */
export function shuffledIds(ids: string[], random: () => number = Math.random): string[] {
  const result = [...ids];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as string, result[index] as string];
  }
  return result;
}

/** `entries` in `order` when it is a permutation of their ids, otherwise in `fallback` order. */
function arrange<T extends { id: string }>(
  entries: T[],
  order: string[] | undefined,
  fallback: string[],
): T[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const isPermutation = (ids: string[] | undefined): ids is string[] =>
    ids !== undefined &&
    ids.length === entries.length &&
    new Set(ids).size === ids.length &&
    ids.every((id) => byId.has(id));
  return (isPermutation(order) ? order : fallback).flatMap((id) => byId.get(id) ?? []);
}

const collator = new Intl.Collator('en', { numeric: true });

export function learnerView(question: Question, { optionOrder }: LearnerViewOptions = {}): LearnerView {
  const base = { prompt: question.prompt, points: question.points };
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response': {
      const ids = question.options.map((option) => option.id);
      const options = arrange<LearnerOption>(question.options, optionOrder, ids);
      return { type: question.type, ...base, options: options.map(({ id, text }) => ({ id, text })) };
    }
    case 'true-false':
    case 'short-answer':
      return { type: question.type, ...base };
    case 'numeric':
      return { type: question.type, ...base, units: question.units.map((unit) => unit.unit) };
    case 'matching': {
      const ids = question.pairs.map((pair) => pair.id);
      const pairs = arrange(question.pairs, optionOrder, ids);
      // One sorted list, duplicates removed, so neither position nor count gives a pairing away.
      const answers = [...new Set([...question.pairs.map((pair) => pair.answer), ...question.distractors])];
      return {
        type: question.type,
        ...base,
        prompts: pairs.map(({ id, prompt }) => ({ id, prompt })),
        answers: answers.sort(collator.compare),
      };
    }
    case 'ordering': {
      // The stored order is the answer, so without a usable order the items are shuffled, never kept.
      const items = arrange(question.items, optionOrder, shuffledIds(question.items.map((item) => item.id)));
      return { type: question.type, ...base, items: items.map(({ id, text }) => ({ id, text })) };
    }
    case 'essay':
      return question.minWords === undefined
        ? { type: question.type, ...base }
        : { type: question.type, ...base, minWords: question.minWords };
  }
}

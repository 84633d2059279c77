import type { Schemas } from '@archipelago/api-client';
import type { QuestionSummary } from '../questions/questions-api';

/** A quiz's settings as the draft stores them (ADR 0014, `QuizSettings`). */
export type QuizSettings = Schemas['QuizSettings'];
/** What the editor shows of a fixed question: name, type, category, points, version. */
export type SlotQuestion = Schemas['QuizSlotQuestion'];

export const LAYOUTS = ['one-per-page', 'all-on-one-page'] as const;
export const FEEDBACK_TIMINGS = ['immediate', 'after-submit', 'after-close'] as const;
export const GRADE_METHODS = ['highest', 'latest'] as const;
export const COMPLETION_RULES = ['pass', 'submit'] as const;

export type QuizSlot = Schemas['QuizSlot'];

/** A slot as the editor works on it: the generated slot type, narrowed by kind. */
export type QuizSlotView =
  | { kind: 'question'; questionId: string; points?: number; question?: SlotQuestion }
  | { kind: 'random'; category: string; count: number; points?: number; available?: number };

export type QuizDraftView = Omit<Schemas['QuizDraftView'], 'slots'> & { slots: QuizSlotView[] };

/** The generated slot (every field optional) as the editor's narrowed one. */
export function fromDraftSlot(slot: Schemas['QuizDraftSlot']): QuizSlotView {
  const points = typeof slot.points === 'number' ? { points: slot.points } : {};
  if (slot.kind === 'question') {
    return {
      kind: 'question',
      questionId: slot.questionId ?? '',
      ...points,
      ...(slot.question ? { question: slot.question } : {}),
    };
  }
  return {
    kind: 'random',
    category: slot.category ?? '',
    count: slot.count ?? 1,
    ...points,
    ...(slot.available === undefined ? {} : { available: slot.available }),
  };
}

/** A bank summary as a fixed slot shows it, before the draft is saved and read back. */
export function slotQuestionOf(summary: QuestionSummary): SlotQuestion {
  const { id, name, type, category, points, version, archived } = summary;
  return { id, name, type, category, points, version, archived };
}

/** What the API stores for a slot: the summary the view adds is left out. */
export function toStoredSlot(slot: QuizSlotView): QuizSlot {
  const points = slot.points === undefined ? {} : { points: slot.points };
  return slot.kind === 'question'
    ? { kind: 'question', questionId: slot.questionId, ...points }
    : { kind: 'random', category: slot.category, count: slot.count, ...points };
}

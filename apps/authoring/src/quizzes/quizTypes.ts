import type { QuestionSummary } from '../questions/questions-api';

/** A quiz's settings as the draft stores them (ADR 0014, `QuizSettings`). */
export interface QuizSettings {
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  /** Percent, 0..100. */
  passingScore: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  layout: 'one-per-page' | 'all-on-one-page';
  availableFrom: string | null;
  availableUntil: string | null;
  feedback: 'immediate' | 'after-submit' | 'after-close';
  showCorrectAnswers: boolean;
  grade: 'highest' | 'latest';
  completion: 'pass' | 'submit';
}

export const LAYOUTS = ['one-per-page', 'all-on-one-page'] as const;
export const FEEDBACK_TIMINGS = ['immediate', 'after-submit', 'after-close'] as const;
export const GRADE_METHODS = ['highest', 'latest'] as const;
export const COMPLETION_RULES = ['pass', 'submit'] as const;

export type QuizSlot =
  | { kind: 'question'; questionId: string; points?: number }
  | { kind: 'random'; category: string; count: number; points?: number };

/** A slot as the draft view returns it: a fixed question comes with its summary. */
export type QuizSlotView =
  | { kind: 'question'; questionId: string; points?: number; question?: QuestionSummary }
  | { kind: 'random'; category: string; count: number; points?: number };

export interface QuizDraftView {
  activityId: string;
  title: string;
  courseId: string;
  courseTitle: string;
  courseArchived?: boolean;
  settings: QuizSettings;
  slots: QuizSlotView[];
  revision: number;
}

export interface QuizDraft {
  settings: QuizSettings;
  slots: QuizSlotView[];
  revision: number;
}

/** What the API stores for a slot: the summary the view adds is left out. */
export function toStoredSlot(slot: QuizSlotView): QuizSlot {
  const points = slot.points === undefined ? {} : { points: slot.points };
  return slot.kind === 'question'
    ? { kind: 'question', questionId: slot.questionId, ...points }
    : { kind: 'random', category: slot.category, count: slot.count, ...points };
}

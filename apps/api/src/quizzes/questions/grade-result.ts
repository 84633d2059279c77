import type { RichText } from './question-model.js';

export type GradeResult =
  | { status: 'graded'; fraction: number; points: number; feedback: RichText[] }
  | { status: 'needs-grading' }
  | { status: 'ungraded' };

/** What a per-type grader finds before rounding and points are applied. */
export interface Score {
  fraction: number;
  feedback: RichText[];
}

export const NOTHING: Score = { fraction: 0, feedback: [] };

/** Rounding keeps stored marks stable: 1/3 is stored the same way on every run and in every report. */
function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}

export function graded(score: Score, points: number): GradeResult {
  const raw = Number.isFinite(score.fraction) ? score.fraction : 0;
  const fraction = round(Math.min(1, Math.max(0, raw)), 7);
  return { status: 'graded', fraction, points: round(fraction * points, 2), feedback: score.feedback };
}

/** Feedback that exists, in the order given. */
export function present(...feedback: (RichText | null | undefined)[]): RichText[] {
  return feedback.filter((item): item is RichText => item != null);
}

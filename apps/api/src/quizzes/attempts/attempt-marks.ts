import { grade, type Question, type Response } from '../questions/index.js';
import { withPoints } from './attempt-feedback.js';
import type { SlotGrading } from './attempt-records.js';
import { questionKey } from './attempt-view.js';

/** A slot's grade as stored. */
export interface SlotGrade {
  slot: number;
  grading: SlotGrading;
  fraction: number | null;
  points: number | null;
  maxPoints: number;
}

/** What grading reads of a slot. */
export interface SlotToGrade {
  slot: number;
  questionId: string;
  version: number;
  maxPoints: number;
  response: Response | null;
  grading: SlotGrading;
  fraction: number | null;
  points: number | null;
  gradedBy: string | null;
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

/** An attempt's totals from its slots' grades: ungraded slots count toward nothing. */
export function attemptTotals(slots: readonly SlotGrade[], passingScore: number) {
  const counted = slots.filter((slot) => slot.grading !== 'ungraded');
  const maxPoints = counted.reduce((sum, slot) => sum + slot.maxPoints, 0);
  const points = round(
    counted.reduce((sum, slot) => sum + (slot.grading === 'graded' ? (slot.points ?? 0) : 0), 0),
    2,
  );
  const pendingGrading = counted.filter(
    (slot) => slot.grading === 'needs-grading' || slot.grading === 'pending',
  ).length;
  const score = pendingGrading > 0 || maxPoints <= 0 ? null : round(Math.min(1, points / maxPoints), 6);
  // A hair of tolerance so that 7/10 passes at 70 despite binary fractions.
  const passed = score === null ? null : score * 100 + 1e-9 >= passingScore;
  return { points, maxPoints, pendingGrading, score, passed };
}

export type AttemptTotals = ReturnType<typeof attemptTotals>;

/**
 * Each slot's grade from its response and its question (bodies keyed `questionId:version`);
 * `keepManual` keeps the marks a trainer gave (a regrade), otherwise every slot is graded afresh.
 */
export function gradeSlots(
  slots: readonly SlotToGrade[],
  bodies: ReadonlyMap<string, Question>,
  keepManual: boolean,
): SlotGrade[] {
  return slots.map((slot) => {
    const { maxPoints } = slot;
    if (keepManual && slot.gradedBy !== null) {
      return {
        slot: slot.slot,
        grading: slot.grading,
        fraction: slot.fraction,
        points: slot.points,
        maxPoints,
      };
    }
    const question = bodies.get(questionKey(slot));
    if (!question) throw new Error(`question ${questionKey(slot)} of slot ${slot.slot} does not exist`);
    return { slot: slot.slot, ...markOf(question, maxPoints, slot.response), maxPoints };
  });
}

/** The mark a response earns at a question worth `maxPoints` in its slot. */
export function markOf(
  question: Question,
  maxPoints: number,
  response: Response | null,
): Pick<SlotGrade, 'grading' | 'fraction' | 'points'> {
  const result = grade(withPoints(question, maxPoints), response);
  return result.status === 'graded'
    ? { grading: 'graded', fraction: result.fraction, points: result.points }
    : { grading: result.status, fraction: null, points: null };
}

/** Whether a slot stores `mark` already. */
export const marked = (stored: Pick<SlotGrade, 'grading' | 'fraction' | 'points'>, mark: typeof stored) =>
  stored.grading === mark.grading && stored.fraction === mark.fraction && stored.points === mark.points;

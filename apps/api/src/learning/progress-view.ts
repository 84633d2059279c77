import type { VersionOutline } from '../courses/published-versions.service.js';
import type { ProgressSummary, ResumePoint } from './learning.dto.js';

/** Each activity's status by id, as stored for one enrolment (absent: not started). */
export type StatusById = ReadonlyMap<string, 'started' | 'completed'>;

/** Whole percent, rounded down so that 100 means done; a course with nothing required is done. */
export const percentOf = (completed: number, required: number) =>
  required === 0 ? 100 : Math.floor((completed * 100) / required);

export function summarize(requiredIds: readonly string[], statuses: StatusById): ProgressSummary {
  const completed = requiredIds.filter((id) => statuses.get(id) === 'completed').length;
  return { completed, required: requiredIds.length, percent: percentOf(completed, requiredIds.length) };
}

/**
 * Where "continue" takes the learner: the activity they last opened if it is still in their
 * version and not finished; otherwise the first activity after it (or from the start) that is not
 * completed; the last opened, or the first, when everything is done.
 */
export function resumePoint(
  outline: VersionOutline,
  statuses: StatusById,
  lastActivityId: string | null,
): ResumePoint {
  const { sequence } = outline;
  const last = lastActivityId === null ? undefined : outline.positions.get(lastActivityId);
  const pick = (i: number): ResumePoint => ({
    activityId: sequence[i]!.activity.id,
    title: sequence[i]!.activity.title,
  });
  if (last !== undefined && statuses.get(sequence[last]!.activity.id) !== 'completed') return pick(last);
  const from = last ?? 0;
  for (let i = 0; i < sequence.length; i += 1) {
    const at = (from + i) % sequence.length;
    if (statuses.get(sequence[at]!.activity.id) !== 'completed') return pick(at);
  }
  return pick(last ?? 0);
}

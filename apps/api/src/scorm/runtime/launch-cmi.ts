import type { ScoRules } from './sco-rules.js';
import { parseTimespan, toIsoDuration, toScorm12Timespan } from './scorm-time.js';

/** The attempt's stored state a launch gives back (resume) or starts from (a new attempt). */
export interface LaunchState {
  entry: 'ab-initio' | 'resume' | '';
  /** The attempt's learner-writable CMI (see cmi-fields); empty for a new attempt. */
  stored: Record<string, unknown>;
  totalSeconds: number;
}

export interface Learner {
  id: string;
  name: string;
}

/**
 * The `cmi` object a launch hands to scorm-again's `api.loadFromJSON(cmi, '')` before
 * Initialize. How scorm-again 3.4.3 reads it (BaseAPI.loadFromJSON, SerializationService):
 * without a top-level `cmi` or `adl` key it prefixes every path with `cmi.`; it walks the object
 * and calls its internal setCMIValue for each leaf, so before Initialize even the elements that
 * are read-only to the SCO (learner id and name, credit, mode, entry, launch data, mastery score,
 * scaled passing score, completion threshold, total time, max time allowed) may be set; arrays
 * must be real arrays with `id` first in each entry, and falsy leaves are skipped — so every value
 * here is a non-empty string. Only elements of that version's data model appear: an unknown one
 * would raise 401 into the SCO's first GetLastError.
 *
 * Never a dump of what was committed: the LMS-owned values come from the manifest and the
 * database, and of the stored CMI only what a resumed attempt must see again (location, suspend
 * data, statuses, score, objectives, preferences).
 */
export function launchCmi(
  is2004: boolean,
  learner: Learner,
  rules: ScoRules,
  state: LaunchState,
): Record<string, unknown> {
  const resumed = state.entry === 'resume';
  const stored = resumed ? state.stored : {};
  const clean = (object: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));
  if (!is2004) {
    const core = (stored.core ?? {}) as Record<string, unknown>;
    return clean({
      core: clean({
        student_id: learner.id,
        student_name: learner.name,
        credit: 'credit',
        lesson_mode: 'normal',
        entry: state.entry,
        lesson_location: core.lesson_location,
        lesson_status: core.lesson_status,
        score: core.score,
        total_time: toScorm12Timespan(state.totalSeconds),
      }),
      suspend_data: stored.suspend_data,
      launch_data: rules.launchData ?? undefined,
      comments: stored.comments,
      objectives: stored.objectives,
      student_data: emptyToUndefined(
        clean({
          mastery_score: rules.masteryScore === null ? undefined : String(rules.masteryScore),
          max_time_allowed: timeAllowed(rules.maxTimeAllowed, false),
          time_limit_action: rules.timeLimitAction ?? undefined,
        }),
      ),
      student_preference: stored.student_preference,
    });
  }
  return clean({
    learner_id: learner.id,
    learner_name: learner.name,
    credit: 'credit',
    mode: 'normal',
    entry: state.entry,
    launch_data: rules.launchData ?? undefined,
    scaled_passing_score: rules.scaledPassingScore === null ? undefined : String(rules.scaledPassingScore),
    completion_threshold: rules.completionThreshold === null ? undefined : String(rules.completionThreshold),
    max_time_allowed: timeAllowed(rules.maxTimeAllowed, true),
    time_limit_action: rules.timeLimitAction ?? undefined,
    total_time: toIsoDuration(state.totalSeconds),
    location: stored.location,
    suspend_data: stored.suspend_data,
    completion_status: stored.completion_status,
    success_status: stored.success_status,
    progress_measure: stored.progress_measure,
    score: stored.score,
    objectives: stored.objectives,
    learner_preference: stored.learner_preference,
  });
}

const emptyToUndefined = (object: Record<string, unknown>) =>
  Object.keys(object).length === 0 ? undefined : object;

/** The manifest's time allowed, only in the notation the version's setter accepts (it throws on others). */
function timeAllowed(value: string | null, is2004: boolean): string | undefined {
  if (value === null || parseTimespan(value) === null) return undefined;
  return value.trim().startsWith('P') === is2004 ? value.trim() : undefined;
}

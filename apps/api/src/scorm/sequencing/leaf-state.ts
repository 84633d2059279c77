import type { Objective } from '../package/manifest/index.js';
import { isScorm12, type Activity, type ActivityTree } from './activity-tree.js';
import type { ActivityState, ObjectiveState } from './activity-state.js';
import type { ScoRecord, SuccessStatus } from './types.js';

export type GlobalObjectives = Map<string, ObjectiveState>;

function satisfiedOf(success: SuccessStatus): boolean | null {
  return success === 'passed' ? true : success === 'failed' ? false : null;
}

/**
 * SN's reading of an objective with `satisfiedByMeasure`: the measure alone decides — unless the
 * attempt is still running and the activity's `measureSatisfactionIfActive` is false, when the
 * status stays unknown until it ends.
 */
export function bySatisfiedMeasure(
  objective: Objective | null,
  state: ObjectiveState,
  runningWithoutMeasureSatisfaction = false,
): ObjectiveState {
  if (!objective?.satisfiedByMeasure) return state;
  const decided = state.measure !== null && !runningWithoutMeasureSatisfaction;
  return {
    measure: state.measure,
    satisfied: decided ? state.measure! >= objective.minNormalizedMeasure : null,
  };
}

/** Applies `mapInfo` reads: a known global objective replaces the local value. */
export function readGlobals(
  objective: Objective | null,
  local: ObjectiveState,
  globals: GlobalObjectives,
): ObjectiveState {
  let result = local;
  for (const map of objective?.mapInfo ?? []) {
    const global = globals.get(map.targetObjectiveId);
    if (!global) continue;
    if (map.readSatisfiedStatus && global.satisfied !== null) {
      result = { ...result, satisfied: global.satisfied };
    }
    if (map.readNormalizedMeasure && global.measure !== null) {
      result = { ...result, measure: global.measure };
    }
  }
  return result;
}

/** Non-primary objectives of an activity, from the SCO's cmi.objectives and the shared globals. */
export function otherObjectives(
  activity: Activity,
  record: ScoRecord | undefined,
  globals: GlobalObjectives,
): Map<string, ObjectiveState> {
  const others = new Map<string, ObjectiveState>();
  for (const objective of activity.sequencing.objectives.others) {
    if (!objective.objectiveId) continue;
    const reported = record?.objectives?.[objective.objectiveId];
    const local: ObjectiveState = reported
      ? { satisfied: satisfiedOf(reported.success), measure: reported.scoreScaled }
      : { satisfied: null, measure: null };
    const read = readGlobals(objective, bySatisfiedMeasure(objective, local), globals);
    others.set(objective.objectiveId, read);
  }
  return others;
}

/**
 * A leaf's state from the learner's record. An ended attempt whose content reported no completion
 * (or success) counts as completed (satisfied) when the delivery controls say the content does not
 * set it — the SN book's End Attempt Process; assets never report anything.
 */
export function leafState(
  activity: Activity,
  record: ScoRecord | undefined,
  tree: ActivityTree,
  globals: GlobalObjectives,
): Omit<ActivityState, 'skip' | 'disabled' | 'hiddenFromChoice' | 'stopForwardTraversal' | 'limitExceeded'> {
  const sequencing = activity.sequencing;
  const legacy = isScorm12(tree.version);
  const asset = activity.item?.scormType === 'asset';
  const tracked = sequencing.deliveryControls.tracked;
  const attemptCount = record?.attemptCount ?? 0;
  const suspended = record?.suspended ?? false;
  const active = record?.active ?? false;
  const ended = attemptCount > 0 && !suspended && !active;

  let completed: boolean | null = null;
  let satisfied: boolean | null = null;
  const measure = record?.scoreScaled ?? null;
  if (record && tracked) {
    if (record.completion === 'completed') completed = true;
    else if (record.completion === 'incomplete') completed = false;
    else if (record.completion === 'not attempted' && attemptCount > 0) completed = false;
    // A completion threshold with a reported progress measure decides completion on its own.
    const threshold = activity.item?.completionThreshold;
    const progress = record.progressMeasure ?? null;
    if (!legacy && threshold?.completedByMeasure && progress !== null) {
      completed = progress >= threshold.minProgressMeasure;
    }
    satisfied = satisfiedOf(record.success);
    // 1.2's lesson_status passed/failed also means the lesson was finished.
    if (legacy && completed === null && satisfied !== null) completed = true;
    if (
      ended &&
      completed === null &&
      (asset || (!legacy && !sequencing.deliveryControls.completionSetByContent))
    ) {
      completed = true;
    }
    if (
      ended &&
      satisfied === null &&
      !legacy &&
      (asset || !sequencing.deliveryControls.objectiveSetByContent)
    ) {
      satisfied = true;
    }
  }
  const primaryObjective = sequencing.objectives.primary;
  const own = bySatisfiedMeasure(
    primaryObjective,
    { satisfied, measure: tracked ? measure : null },
    active && !sequencing.rollupConsiderations.measureSatisfactionIfActive,
  );
  return {
    attemptCount,
    attempted: attemptCount > 0,
    suspended,
    active,
    tracked,
    completed,
    progressMeasure: tracked ? (record?.progressMeasure ?? null) : null,
    primary: readGlobals(primaryObjective, own, globals),
    others: otherObjectives(activity, record, globals),
  };
}

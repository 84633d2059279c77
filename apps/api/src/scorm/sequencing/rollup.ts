import type { RollupRule } from '../package/manifest/index.js';
import type { Activity } from './activity-tree.js';
import type { ActivityState, ObjectiveState } from './activity-state.js';
import { combine, conditionValue, negate } from './conditions.js';
import { bySatisfiedMeasure } from './leaf-state.js';

type Action = 'satisfied' | 'notSatisfied' | 'completed' | 'incomplete';
export type ChildState = { activity: Activity; state: ActivityState };

/** The rules the SN book applies when an activity declares none for status (or completion). */
function defaultRule(action: Action): RollupRule {
  const condition = {
    satisfied: 'satisfied',
    notSatisfied: 'objectiveStatusKnown',
    completed: 'completed',
    incomplete: 'activityProgressKnown',
  }[action];
  return {
    childActivitySet: 'all',
    minimumCount: 0,
    minimumPercent: 0,
    conditionCombination: 'any',
    conditions: [{ condition, operator: 'noOp' }],
    action,
  };
}

/** Tracked and rolled up at all (`rollupObjectiveSatisfied` / `rollupProgressCompletion`). */
function rolledUp({ activity }: ChildState, action: Action): boolean {
  const sequencing = activity.sequencing;
  if (!sequencing.deliveryControls.tracked) return false;
  const objective = action === 'satisfied' || action === 'notSatisfied';
  return objective
    ? sequencing.rollupRules.rollupObjectiveSatisfied
    : sequencing.rollupRules.rollupProgressCompletion;
}

/** SN "Check Child for Rollup": rolled up, and its rollup consideration met. */
function contributes(child: ChildState, action: Action): boolean {
  if (!rolledUp(child, action)) return false;
  const { activity, state } = child;
  const sequencing = activity.sequencing;
  const considerations = sequencing.rollupConsiderations;
  const required = {
    satisfied: considerations.requiredForSatisfied,
    notSatisfied: considerations.requiredForNotSatisfied,
    completed: considerations.requiredForCompleted,
    incomplete: considerations.requiredForIncomplete,
  }[action];
  switch (required) {
    case 'ifAttempted':
      return state.attempted;
    case 'ifNotSkipped':
      return !state.skip;
    case 'ifNotSuspended':
      return !(state.attempted && state.suspended);
    default:
      return true;
  }
}

function ruleFires(rule: RollupRule, children: ChildState[]): boolean {
  const action = rule.action as Action;
  let contributing = children.filter((child) => contributes(child, action));
  // With every child left out by its considerations, the SN book leaves the status as an earlier
  // rollup set it. Keeping no history, we roll up as if there were no considerations, which is
  // what that earlier rollup saw in the usual case (e.g. tests skipped once they are passed).
  if (contributing.length === 0) contributing = children.filter((child) => rolledUp(child, action));
  if (contributing.length === 0) return false;
  const values = contributing.map(({ activity, state }) =>
    combine(
      rule.conditions.map((condition) =>
        negate(conditionValue(condition, activity, state), condition.operator),
      ),
      rule.conditionCombination,
    ),
  );
  const held = values.filter((value) => value === true).length;
  switch (rule.childActivitySet) {
    case 'all':
      return held === values.length;
    case 'any':
      return held > 0;
    case 'none':
      return values.every((value) => value === false);
    case 'atLeastCount':
      return held >= rule.minimumCount;
    case 'atLeastPercent':
      return held >= rule.minimumPercent * values.length - 1e-9;
  }
}

/** Evaluates the `negative` rules, then the `positive` ones (which win), as the SN book orders them. */
function rollupStatus(
  activity: Activity,
  children: ChildState[],
  negative: Action,
  positive: Action,
): boolean | null {
  const declared = activity.sequencing.rollupRules.rules;
  const own = declared.filter((rule) => rule.action === negative || rule.action === positive);
  const rules = own.length > 0 ? own : [defaultRule(negative), defaultRule(positive)];
  let result: boolean | null = null;
  if (rules.some((rule) => rule.action === negative && ruleFires(rule, children))) result = false;
  if (rules.some((rule) => rule.action === positive && ruleFires(rule, children))) result = true;
  return result;
}

/** SN Measure Rollup: the weighted mean of the tracked children's measures. */
function measureRollup(children: ChildState[]): number | null {
  let total = 0;
  let weights = 0;
  let known = false;
  for (const { activity, state } of children) {
    if (!activity.sequencing.deliveryControls.tracked) continue;
    const weight = activity.sequencing.rollupRules.objectiveMeasureWeight;
    if (weight <= 0) continue;
    weights += weight;
    if (state.primary.measure !== null) {
      total += weight * state.primary.measure;
      known = true;
    }
  }
  return known && weights > 0 ? total / weights : null;
}

/**
 * 4th edition progress measure rollup: the mean of the tracked children's progress, weighted by
 * their completion threshold's progressWeight (1 without one).
 */
function progressRollup(children: ChildState[]): number | null {
  let total = 0;
  let weights = 0;
  let known = false;
  for (const { activity, state } of children) {
    if (!activity.sequencing.deliveryControls.tracked) continue;
    const weight = activity.item?.completionThreshold?.progressWeight ?? 1;
    if (weight <= 0) continue;
    weights += weight;
    if (state.progressMeasure !== null) {
      total += weight * state.progressMeasure;
      known = true;
    }
  }
  return known && weights > 0 ? total / weights : null;
}

/** A cluster's status from its children's. Clusters' own attempts are not recorded: one at most. */
export function rollupCluster(
  activity: Activity,
  children: ChildState[],
): Pick<
  ActivityState,
  'attemptCount' | 'attempted' | 'suspended' | 'completed' | 'progressMeasure' | 'primary'
> {
  const attempted = children.some(({ state }) => state.attempted);
  const measure = measureRollup(children);
  const primaryObjective = activity.sequencing.objectives.primary;
  let primary: ObjectiveState;
  if (primaryObjective?.satisfiedByMeasure) {
    const running = children.some(({ state }) => state.active);
    primary = bySatisfiedMeasure(
      primaryObjective,
      { satisfied: null, measure },
      running && !activity.sequencing.rollupConsiderations.measureSatisfactionIfActive,
    );
  } else {
    primary = { satisfied: rollupStatus(activity, children, 'notSatisfied', 'satisfied'), measure };
  }
  const progressMeasure = progressRollup(children);
  const threshold = activity.item?.completionThreshold;
  // A cluster completed by measure ignores completion rules, as the SN book's rollup does.
  const completed =
    threshold?.completedByMeasure === true
      ? progressMeasure === null
        ? null
        : progressMeasure >= threshold.minProgressMeasure
      : rollupStatus(activity, children, 'incomplete', 'completed');
  return {
    attemptCount: attempted ? 1 : 0,
    attempted,
    suspended: children.some(({ state }) => state.suspended),
    completed,
    progressMeasure,
    primary,
  };
}

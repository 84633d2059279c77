import type { RuleCondition, SequencingRule } from '../package/manifest/index.js';
import type { Activity } from './activity-tree.js';
import { UNKNOWN_OBJECTIVE, type ActivityState, type ObjectiveState } from './activity-state.js';

/**
 * Rule conditions are three-valued, as in the SN book: a condition on an unknown status is
 * unknown, `not` leaves unknown unknown, and a rule acts only when its conditions are true. That
 * is why packages write `not satisfied` together with `not objectiveStatusKnown`.
 */
export type Tri = boolean | null;

function objectiveOf(activity: Activity, state: ActivityState, ref: string | null): ObjectiveState {
  const primaryId = activity.sequencing.objectives.primary?.objectiveId ?? null;
  if (ref === null || ref === '' || ref === primaryId) return state.primary;
  return state.others.get(ref) ?? UNKNOWN_OBJECTIVE;
}

export function conditionValue(
  condition: Pick<RuleCondition, 'condition'> & Partial<RuleCondition>,
  activity: Activity,
  state: ActivityState,
): Tri {
  const objective = objectiveOf(activity, state, condition.referencedObjective ?? null);
  const threshold = condition.measureThreshold ?? 0;
  switch (condition.condition) {
    case 'satisfied':
      return objective.satisfied;
    case 'objectiveStatusKnown':
      return objective.satisfied !== null;
    case 'objectiveMeasureKnown':
      return objective.measure !== null;
    case 'objectiveMeasureGreaterThan':
      return objective.measure === null ? null : objective.measure > threshold;
    case 'objectiveMeasureLessThan':
      return objective.measure === null ? null : objective.measure < threshold;
    case 'completed':
      return state.completed;
    case 'activityProgressKnown':
      return state.completed !== null;
    case 'attempted':
      return state.attempted;
    case 'attemptLimitExceeded':
      return state.limitExceeded;
    // Time limits and availability windows are not tracked: they never hold.
    case 'timeLimitExceeded':
    case 'outsideAvailableTimeRange':
      return false;
    case 'always':
      return true;
    default:
      return null;
  }
}

export function negate(value: Tri, operator: 'noOp' | 'not'): Tri {
  return operator === 'not' && value !== null ? !value : value;
}

export function combine(values: Tri[], combination: 'all' | 'any'): Tri {
  if (values.length === 0) return null;
  if (combination === 'all') {
    if (values.includes(false)) return false;
    return values.includes(null) ? null : true;
  }
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

export function ruleHolds(rule: SequencingRule, activity: Activity, state: ActivityState): boolean {
  const values = rule.conditions.map((condition) =>
    negate(conditionValue(condition, activity, state), condition.operator),
  );
  return combine(values, rule.conditionCombination) === true;
}

/** The action of the first rule (in document order) among `actions` whose conditions hold. */
export function firstRuleAction(
  rules: SequencingRule[],
  actions: readonly string[],
  activity: Activity,
  state: ActivityState,
): string | null {
  for (const rule of rules) {
    if (actions.includes(rule.action) && ruleHolds(rule, activity, state)) return rule.action;
  }
  return null;
}

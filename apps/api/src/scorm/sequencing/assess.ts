import type { FrozenScorm } from '../frozen-scorm.js';
import type { ScormVersion } from '../package/manifest/index.js';
import { buildActivityTree, isLeaf, isScorm12, type Activity, type ActivityTree } from './activity-tree.js';
import type { ActivityState, ObjectiveState } from './activity-state.js';
import { firstRuleAction } from './conditions.js';
import { leafState, otherObjectives, readGlobals, type GlobalObjectives } from './leaf-state.js';
import { prerequisitesMet } from './prerequisites.js';
import { rollupCluster } from './rollup.js';
import type { ItemStatus, ScoRecord, TreeStatus } from './types.js';

/** The tree with every activity's state: what both status and navigation are computed from. */
export interface Assessment {
  tree: ActivityTree;
  states: Map<Activity, ActivityState>;
  status: TreeStatus;
}

/** Shared objectives settle in a few passes: a writer's status feeds readers further on. */
const GLOBAL_PASSES = 4;

export function assess(
  org: FrozenScorm['organization'],
  version: ScormVersion,
  records: Map<string, ScoRecord>,
  seed: string | null = null,
): Assessment {
  const tree = buildActivityTree(org, version, seed);
  let globals: GlobalObjectives = new Map();
  let states = computeStates(tree, records, globals);
  for (let pass = 1; pass < GLOBAL_PASSES; pass++) {
    const written = writtenGlobals(tree, states);
    if (sameGlobals(written, globals)) break;
    globals = written;
    states = computeStates(tree, records, globals);
  }
  if (isScorm12(version)) applyPrerequisites(tree, states);
  return { tree, states, status: treeStatus(tree, states) };
}

function computeStates(
  tree: ActivityTree,
  records: Map<string, ScoRecord>,
  globals: GlobalObjectives,
): Map<Activity, ActivityState> {
  const states = new Map<Activity, ActivityState>();
  const visit = (activity: Activity): void => {
    for (const child of activity.children) visit(child);
    const sequencing = activity.sequencing;
    let base: Omit<
      ActivityState,
      'skip' | 'disabled' | 'hiddenFromChoice' | 'stopForwardTraversal' | 'limitExceeded'
    >;
    if (isLeaf(activity)) {
      base = leafState(activity, records.get(activity.identifier), tree, globals);
    } else {
      const children = activity.children.map((child) => ({ activity: child, state: states.get(child)! }));
      const rolled = rollupCluster(activity, children);
      base = {
        ...rolled,
        // A cluster is active while one of its SCOs runs.
        active: children.some(({ state }) => state.active),
        tracked: sequencing.deliveryControls.tracked,
        primary: readGlobals(sequencing.objectives.primary, rolled.primary, globals),
        others: otherObjectives(activity, undefined, globals),
      };
    }
    // Cluster attempts are not recorded, so attempt limits only bind leaves.
    const limit = sequencing.limitConditions.attemptLimit;
    const limitExceeded =
      isLeaf(activity) &&
      limit !== null &&
      limit > 0 &&
      !base.suspended &&
      !base.active &&
      base.attemptCount >= limit;
    const state: ActivityState = {
      ...base,
      limitExceeded,
      skip: false,
      disabled: false,
      hiddenFromChoice: false,
      stopForwardTraversal: false,
    };
    const pre = sequencing.sequencingRules.pre;
    state.skip = firstRuleAction(pre, ['skip'], activity, state) !== null;
    state.disabled = firstRuleAction(pre, ['disabled'], activity, state) !== null;
    state.hiddenFromChoice = firstRuleAction(pre, ['hiddenFromChoice'], activity, state) !== null;
    state.stopForwardTraversal = firstRuleAction(pre, ['stopForwardTraversal'], activity, state) !== null;
    states.set(activity, state);
  };
  visit(tree.root);
  return states;
}

function writeObjective(
  globals: GlobalObjectives,
  maps: { targetObjectiveId: string; writeSatisfiedStatus: boolean; writeNormalizedMeasure: boolean }[],
  value: ObjectiveState,
): void {
  for (const map of maps) {
    const current = globals.get(map.targetObjectiveId) ?? { satisfied: null, measure: null };
    const next = { ...current };
    if (map.writeSatisfiedStatus && value.satisfied !== null) next.satisfied = value.satisfied;
    if (map.writeNormalizedMeasure && value.measure !== null) next.measure = value.measure;
    globals.set(map.targetObjectiveId, next);
  }
}

function writtenGlobals(tree: ActivityTree, states: Map<Activity, ActivityState>): GlobalObjectives {
  const globals: GlobalObjectives = new Map();
  for (const activity of tree.list) {
    const state = states.get(activity)!;
    const objectives = activity.sequencing.objectives;
    if (objectives.primary) writeObjective(globals, objectives.primary.mapInfo, state.primary);
    for (const objective of objectives.others) {
      const value = objective.objectiveId ? state.others.get(objective.objectiveId) : undefined;
      if (value) writeObjective(globals, objective.mapInfo, value);
    }
  }
  return globals;
}

function sameGlobals(a: GlobalObjectives, b: GlobalObjectives): boolean {
  if (a.size !== b.size) return false;
  for (const [id, value] of a) {
    const other = b.get(id);
    if (!other || other.satisfied !== value.satisfied || other.measure !== value.measure) return false;
  }
  return true;
}

/** 1.2 lesson status of an activity, as prerequisites scripts compare it. */
function lessonStatus(state: ActivityState): string {
  if (state.primary.satisfied === true) return 'passed';
  if (state.primary.satisfied === false) return 'failed';
  if (state.completed === true) return 'completed';
  return state.attempted ? 'incomplete' : 'not attempted';
}

function applyPrerequisites(tree: ActivityTree, states: Map<Activity, ActivityState>): void {
  const statusOf = (identifier: string) => {
    const activity = tree.byId.get(identifier);
    return activity ? lessonStatus(states.get(activity)!) : null;
  };
  for (const activity of tree.list) {
    const expression = activity.item?.prerequisites ?? null;
    if (expression && !prerequisitesMet(expression, statusOf)) states.get(activity)!.disabled = true;
  }
}

function itemStatus(
  activity: Activity,
  state: ActivityState,
  inherited: { disabled: boolean; hidden: boolean },
): ItemStatus {
  const completion: ItemStatus['completion'] = !state.tracked
    ? 'unknown'
    : state.completed === true
      ? 'completed'
      : state.completed === false || state.attempted
        ? 'incomplete'
        : 'not attempted';
  return {
    identifier: activity.identifier,
    completion,
    success:
      state.primary.satisfied === true ? 'passed' : state.primary.satisfied === false ? 'failed' : 'unknown',
    scoreScaled: state.primary.measure,
    attempted: state.attempted,
    disabled: inherited.disabled || state.disabled || state.limitExceeded,
    hiddenFromChoice: inherited.hidden || state.hiddenFromChoice,
    skipped: state.skip,
  };
}

function treeStatus(tree: ActivityTree, states: Map<Activity, ActivityState>): TreeStatus {
  const items = new Map<string, ItemStatus>();
  const visit = (activity: Activity, inherited: { disabled: boolean; hidden: boolean }): ItemStatus => {
    const status = itemStatus(activity, states.get(activity)!, inherited);
    if (!items.has(activity.identifier)) items.set(activity.identifier, status);
    for (const child of activity.children) {
      visit(child, { disabled: status.disabled, hidden: status.hiddenFromChoice });
    }
    return status;
  };
  const root = visit(tree.root, { disabled: false, hidden: false });
  // Left out by selection: shown as not available rather than missing.
  for (const item of tree.unselected) {
    if (items.has(item.identifier)) continue;
    items.set(item.identifier, {
      identifier: item.identifier,
      completion: 'not attempted',
      success: 'unknown',
      scoreScaled: null,
      attempted: false,
      disabled: true,
      hiddenFromChoice: true,
      skipped: false,
    });
  }
  return { items, root };
}

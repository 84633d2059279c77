import { ancestry, commonAncestor, isLaunchable, isLeaf, type Activity } from './activity-tree.js';
import type { ActivityState } from './activity-state.js';
import { blocked, flowFrom, type FlowResult } from './flow.js';

type States = Map<Activity, ActivityState>;

/**
 * SN Choice Sequencing Request: the target and its ancestors must not be hidden from choice or
 * disabled; its parent must allow choice; leaving an activity with choiceExit=false for one
 * outside it is refused; so is going backward under a forwardOnly common ancestor and jumping
 * forward past an activity with a stopForwardTraversal rule. A cluster is entered by flow.
 */
export function choose(target: Activity, current: Activity | null, states: States): FlowResult {
  const path = ancestry(target);
  if (target.item && !target.item.isVisible) return { refused: 'hidden' };
  if (path.some((activity) => states.get(activity)!.hiddenFromChoice)) return { refused: 'hidden' };
  if (target.parent && !target.parent.sequencing.controlMode.choice) {
    return { refused: 'choice-not-allowed' };
  }
  if (path.some((activity) => blocked(states.get(activity)!))) return { refused: 'disabled' };

  if (current && current !== target) {
    const common = commonAncestor(current, target);
    for (const activity of ancestry(current)) {
      if (activity === common) break;
      if (!activity.sequencing.controlMode.choiceExit) return { refused: 'choice-not-allowed' };
    }
    const branchOf = (activity: Activity) =>
      ancestry(activity).find((node) => node.parent === common) ?? activity;
    if (current !== common && target !== common) {
      const siblings = common.children;
      const from = siblings.indexOf(branchOf(current));
      const to = siblings.indexOf(branchOf(target));
      if (to < from && common.sequencing.controlMode.forwardOnly) return { refused: 'forward-only' };
      // Forward: no item passed over at the common level, and no ancestor of the target below
      // it (the clusters a choice enters, SN's choice activity traversal), may stop forward traversal.
      const entered = ancestry(target).slice(1, ancestry(target).indexOf(common));
      const passed = to > from ? [...siblings.slice(from, to), ...entered] : [];
      if (passed.some((activity) => states.get(activity)!.stopForwardTraversal)) {
        return { refused: 'choice-not-allowed' };
      }
    }
  }

  if (isLeaf(target)) {
    return isLaunchable(target) ? { deliver: target } : { refused: 'not-launchable' };
  }
  if (!target.sequencing.controlMode.flow) return { refused: 'flow-not-allowed' };
  const result = flowFrom(target.children[0]!, 'forward', states);
  return 'end' in result ? { refused: 'nothing-deliverable' } : result;
}

import { isLaunchable, isLeaf, type Activity } from './activity-tree.js';
import type { ActivityState } from './activity-state.js';
import type { NavRefusal } from './types.js';

export type Direction = 'forward' | 'backward';
export type FlowResult = { deliver: Activity } | { refused: NavRefusal } | { end: true };
type States = Map<Activity, ActivityState>;

/**
 * The activity after (or before) `activity` in pre-order, without entering its children: its next
 * sibling, else its parent's, and so on. Going backward over the children of a forwardOnly
 * parent is refused.
 */
export function step(activity: Activity, direction: Direction): Activity | 'end' | 'forward-only' {
  let node = activity;
  while (node.parent) {
    const siblings = node.parent.children;
    const index = siblings.indexOf(node);
    if (direction === 'backward' && node.parent.sequencing.controlMode.forwardOnly) {
      return 'forward-only';
    }
    const next = siblings[direction === 'forward' ? index + 1 : index - 1];
    if (next) return next;
    node = node.parent;
  }
  return 'end';
}

/** The child a traversal enters a cluster by (SN: backward into a forwardOnly cluster starts at its first child). */
function entry(cluster: Activity, direction: Direction): Activity {
  const children = cluster.children;
  if (direction === 'forward' || cluster.sequencing.controlMode.forwardOnly) return children[0]!;
  return children[children.length - 1]!;
}

/** Whether sequencing may deliver (or enter) the activity: no disabled rule, no attempt limit reached. */
export function blocked(state: ActivityState): boolean {
  return state.disabled || state.limitExceeded;
}

/**
 * SN Flow Activity Traversal from `candidate`: the parent must allow flow; skipped activities
 * (and leaves with nothing to launch) are passed over; a disabled one stops the flow; a cluster
 * is entered. Running off the end of the tree ends the course going forward.
 */
export function flowFrom(candidate: Activity, direction: Direction, states: States): FlowResult {
  let node = candidate;
  for (;;) {
    const parent = node.parent;
    if (parent && !parent.sequencing.controlMode.flow) return { refused: 'flow-not-allowed' };
    const state = states.get(node)!;
    const passOver = state.skip || (isLeaf(node) && !isLaunchable(node));
    if (passOver) {
      const next = step(node, direction);
      if (next === 'end') return direction === 'forward' ? { end: true } : { refused: 'no-previous' };
      if (next === 'forward-only') return { refused: 'forward-only' };
      node = next;
      continue;
    }
    if (blocked(state)) return { refused: 'disabled' };
    if (isLeaf(node)) return { deliver: node };
    node = entry(node, direction);
  }
}

/** Start: flow into the organization from its first activity. */
export function flowIntoRoot(root: Activity, states: States): FlowResult {
  if (root.children.length === 0) return { refused: 'nothing-deliverable' };
  return flowFrom(root.children[0]!, 'forward', states);
}

/** Continue or previous from the current activity. */
export function flowFromCurrent(current: Activity, direction: Direction, states: States): FlowResult {
  const parent = current.parent;
  // Nothing comes after (or before) the whole organization.
  if (!parent) return direction === 'forward' ? { end: true } : { refused: 'no-previous' };
  if (direction === 'backward' && parent.sequencing.controlMode.forwardOnly) {
    return { refused: 'forward-only' };
  }
  if (!parent.sequencing.controlMode.flow) return { refused: 'flow-not-allowed' };
  const next = step(current, direction);
  if (next === 'end') return direction === 'forward' ? { end: true } : { refused: 'no-previous' };
  if (next === 'forward-only') return { refused: 'forward-only' };
  return flowFrom(next, direction, states);
}

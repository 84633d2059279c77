import { ancestry, type Activity } from './activity-tree.js';
import type { ActivityState } from './activity-state.js';
import { firstRuleAction } from './conditions.js';

export type PostAction = 'exitAll' | 'retry' | 'continue' | 'previous';

export interface Termination {
  /** The activity sequencing continues from: the current one, or an ancestor an exit moved up to. */
  current: Activity;
  /** A sequencing request post-condition rules put in place of the learner's, if any. */
  replacement: PostAction | null;
}

const POST_ACTIONS = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous'] as const;

/**
 * SN Termination Request Process for the attempt being left: exit action rules of the ancestors
 * (outermost first) may end the attempts up to one of them; then the post-condition rules of what
 * is current may go up (exitParent, repeating both steps there), end the course (exitAll), or
 * replace the learner's request with retry, retryAll, continue or previous.
 */
export function terminate(current: Activity, states: Map<Activity, ActivityState>): Termination {
  let node = current;
  for (;;) {
    const ancestors = ancestry(node).slice(1).reverse();
    const exiting = ancestors.find(
      (activity) =>
        firstRuleAction(
          activity.sequencing.sequencingRules.exit,
          ['exit'],
          activity,
          states.get(activity)!,
        ) !== null,
    );
    if (exiting) node = exiting;
    const action = firstRuleAction(
      node.sequencing.sequencingRules.post,
      POST_ACTIONS,
      node,
      states.get(node)!,
    );
    if (action === 'exitParent' && node.parent) {
      node = node.parent;
      continue;
    }
    if (action === 'retryAll') return { current: ancestry(node).at(-1)!, replacement: 'retry' };
    if (action === 'exitAll' || action === 'retry' || action === 'continue' || action === 'previous') {
      return { current: node, replacement: action };
    }
    return { current: node, replacement: null };
  }
}

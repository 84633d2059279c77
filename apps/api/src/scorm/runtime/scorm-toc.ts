import type { FrozenScormItem } from '../frozen-scorm.js';
import { controlsOf, type TreeStatus } from '../sequencing/index.js';
import type { ScormPlan } from './frozen-scorms.service.js';
import type { ScormControls, ScormTocItem } from './scorm-player.dto.js';

/** The organization's items with the statuses the engine rolled up, for the learner's table of contents. */
export function tocOf(items: readonly FrozenScormItem[], tree: TreeStatus): ScormTocItem[] {
  return items.map((item) => {
    const status = tree.items.get(item.identifier);
    return {
      identifier: item.identifier,
      title: item.title,
      scormType: item.scormType,
      visible: item.isVisible,
      launchable: item.launchUrl !== null && item.scormType !== null,
      disabled: status?.disabled ?? false,
      hiddenFromChoice: status?.hiddenFromChoice ?? false,
      completion: status?.completion ?? 'not attempted',
      success: status?.success ?? 'unknown',
      scoreScaled: status?.scoreScaled ?? null,
      children: tocOf(item.children, tree),
    };
  });
}

/** The organization root's control mode (the engine answers 1.2's: choice and flow, not forward-only). */
export function controlsOfPlan(plan: ScormPlan): ScormControls {
  const { choice, flow, forwardOnly } = controlsOf(
    plan.frozen.organization,
    undefined,
    plan.frozen.scormVersion,
  );
  return { choice, flow, forwardOnly };
}

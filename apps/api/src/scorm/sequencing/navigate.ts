import type { FrozenScorm } from '../frozen-scorm.js';
import type { ScormVersion } from '../package/manifest/index.js';
import { isLaunchable, isLeaf, type Activity } from './activity-tree.js';
import { assess, type Assessment } from './assess.js';
import { choose } from './choice.js';
import { flowFromCurrent, flowIntoRoot, type FlowResult } from './flow.js';
import type { NavOutcome, NavRequest, ScoRecord } from './types.js';

function outcome(result: FlowResult): NavOutcome {
  if ('deliver' in result) return { deliver: result.deliver.identifier };
  return result;
}

/**
 * Start without flow at the organization (2004's default is choice only): rather than an empty
 * frame, the first item the learner could pick themselves.
 */
function firstChoosable(assessment: Assessment): FlowResult {
  for (const activity of assessment.tree.list) {
    if (!isLeaf(activity) || !isLaunchable(activity)) continue;
    const result = choose(activity, null, assessment.states);
    if ('deliver' in result) return result;
  }
  return { refused: 'nothing-deliverable' };
}

function start(assessment: Assessment): FlowResult {
  const result = flowIntoRoot(assessment.tree.root, assessment.states);
  if ('end' in result) return { refused: 'nothing-deliverable' };
  if ('refused' in result && result.refused === 'flow-not-allowed') return firstChoosable(assessment);
  return result;
}

function suspendedLeaf(assessment: Assessment, suspendedSco: string | null): Activity | null {
  const activity = suspendedSco ? assessment.tree.byId.get(suspendedSco) : undefined;
  return activity && isLeaf(activity) && isLaunchable(activity) ? activity : null;
}

/**
 * Answers one navigation request of the learner: the SCO to deliver, the end of the course, or
 * why sequencing refuses. `current` is the SCO being left (or running), if any.
 */
export function navigate(
  org: FrozenScorm['organization'],
  version: ScormVersion,
  records: Map<string, ScoRecord>,
  current: string | null,
  req: NavRequest,
  suspendedSco: string | null,
): NavOutcome {
  const assessment = assess(org, version, records);
  return navigateAssessed(assessment, current, req, suspendedSco);
}

export function navigateAssessed(
  assessment: Assessment,
  current: string | null,
  req: NavRequest,
  suspendedSco: string | null,
): NavOutcome {
  const { tree, states } = assessment;
  const currentActivity = current ? (tree.byId.get(current) ?? null) : null;
  switch (req.request) {
    case 'start': {
      const suspended = suspendedLeaf(assessment, suspendedSco);
      return suspended ? { deliver: suspended.identifier } : outcome(start(assessment));
    }
    case 'resumeAll': {
      const suspended = suspendedLeaf(assessment, suspendedSco);
      return suspended ? { deliver: suspended.identifier } : { refused: 'nothing-deliverable' };
    }
    case 'continue':
      if (!currentActivity) return outcome(start(assessment));
      return outcome(flowFromCurrent(currentActivity, 'forward', states));
    case 'previous':
      if (!currentActivity) return { refused: 'no-previous' };
      return outcome(flowFromCurrent(currentActivity, 'backward', states));
    case 'choice': {
      const target = req.target ? tree.byId.get(req.target) : undefined;
      if (!target) return { refused: 'unknown-target' };
      return outcome(choose(target, currentActivity, states));
    }
    case 'exit':
    case 'exitAll':
      return { end: true };
  }
}

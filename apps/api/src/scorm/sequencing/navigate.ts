import type { FrozenScorm } from '../frozen-scorm.js';
import type { ScormVersion } from '../package/manifest/index.js';
import { isLaunchable, isLeaf, type Activity } from './activity-tree.js';
import { assess, type Assessment } from './assess.js';
import { choose } from './choice.js';
import { blocked, flowFrom, flowFromCurrent, flowIntoRoot, type FlowResult } from './flow.js';
import { terminate } from './termination.js';
import type { EngineOptions, NavOutcome, NavRequest, ScoRecord } from './types.js';

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
  options: EngineOptions = {},
): NavOutcome {
  // The navigation ends the current SCO's attempt: it is no longer running, whatever was stored.
  const left = current ? records.get(current) : undefined;
  const ended = left?.active ? new Map(records).set(current!, { ...left, active: false }) : records;
  const assessment = assess(org, version, ended, options.seed ?? null);
  return navigateAssessed(assessment, current, req, suspendedSco);
}

function navigateAssessed(
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
    case 'exitAll':
      return { end: true };
    case 'continue':
      if (!currentActivity) return outcome(start(assessment));
      break;
    case 'previous':
      if (!currentActivity) return { refused: 'no-previous' };
      break;
    case 'exit':
      if (!currentActivity) return { end: true };
      break;
    case 'choice':
      break;
  }
  // Checked before the current attempt ends, as the SN book's navigation request process does.
  let chosen: FlowResult | null = null;
  if (req.request === 'choice') {
    const target = req.target ? tree.byId.get(req.target) : undefined;
    if (!target) {
      const unselected = tree.unselected.some((item) => item.identifier === req.target);
      return { refused: unselected ? 'hidden' : 'unknown-target' };
    }
    chosen = choose(target, currentActivity, states);
    if ('refused' in chosen || !currentActivity) return outcome(chosen);
  }
  const left = terminate(currentActivity!, states);
  const from = left.current;
  switch (left.replacement ?? req.request) {
    case 'exitAll':
      return { end: true };
    case 'retry':
      return outcome(retry(from, states));
    case 'continue':
      return outcome(flowFromCurrent(from, 'forward', states));
    case 'previous':
      return outcome(flowFromCurrent(from, 'backward', states));
    case 'choice':
      return outcome(chosen!);
    default:
      // Exit: the learner leaves the activity; with nothing more to do, the player closes.
      return { end: true };
  }
}

/** A new attempt of the activity: a leaf again, a cluster from its first deliverable leaf. */
function retry(activity: Activity, states: Assessment['states']): FlowResult {
  if (isLeaf(activity)) {
    if (!isLaunchable(activity)) return { refused: 'not-launchable' };
    return blocked(states.get(activity)!) ? { refused: 'disabled' } : { deliver: activity };
  }
  if (!activity.sequencing.controlMode.flow) return { refused: 'flow-not-allowed' };
  const result = flowFrom(activity.children[0]!, 'forward', states);
  return 'end' in result ? { refused: 'nothing-deliverable' } : result;
}

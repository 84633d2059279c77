export type CompletionStatus = 'not attempted' | 'incomplete' | 'completed' | 'unknown';
export type SuccessStatus = 'passed' | 'failed' | 'unknown';

/** The learner's latest attempt of one SCO (or asset), as the runtime stored it. */
export interface ScoRecord {
  completion: CompletionStatus;
  success: SuccessStatus;
  scoreScaled: number | null;
  /** Attempts made (0 = never launched). */
  attemptCount: number;
  suspended: boolean;
  progressMeasure?: number | null;
  /**
   * True while the SCO is running (launched, not yet terminated). An ended attempt whose content
   * reported nothing counts as completed/satisfied when the delivery controls say the content does
   * not set them; a running one must not.
   */
  active?: boolean;
  /** `cmi.objectives` by id, so that rules and shared objectives can read non-primary objectives. */
  objectives?: Record<string, { success: SuccessStatus; scoreScaled: number | null }>;
}

/** Every item's status, containers rolled up. */
export interface ItemStatus {
  identifier: string;
  completion: CompletionStatus;
  success: SuccessStatus;
  scoreScaled: number | null;
  attempted: boolean;
  /** Cannot be delivered now: a `disabled` rule, an unmet 1.2 prerequisite, an attempt limit (also inherited). */
  disabled: boolean;
  /** A `hiddenFromChoice` rule holds for it or an ancestor: the learner may not pick it. */
  hiddenFromChoice: boolean;
  /** A `skip` rule holds: flow passes over it. */
  skipped: boolean;
}

export interface TreeStatus {
  items: Map<string, ItemStatus>;
  /** The organization. */
  root: ItemStatus;
}

export type NavRequestKind = 'start' | 'resumeAll' | 'continue' | 'previous' | 'choice' | 'exit' | 'exitAll';

export interface NavRequest {
  request: NavRequestKind;
  /** The item identifier, for choice. */
  target?: string;
}

export type NavRefusal =
  | 'choice-not-allowed'
  | 'no-next'
  | 'no-previous'
  | 'disabled'
  | 'hidden'
  | 'forward-only'
  | 'unknown-target'
  | 'not-launchable'
  | 'flow-not-allowed'
  | 'nothing-deliverable';

export type NavOutcome = { deliver: string } | { end: true } | { refused: NavRefusal };

export interface Controls {
  choice: boolean;
  flow: boolean;
  forwardOnly: boolean;
}

export interface EngineOptions {
  /**
   * Stable per learner (e.g. the enrolment id): decides which children a cluster with
   * `selectCount` gives this learner. Without it, the first ones.
   */
  seed?: string;
}

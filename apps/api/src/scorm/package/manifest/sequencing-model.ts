/**
 * `imsss:sequencing` as the SCORM 2004 sequencing and navigation book defines it, with the
 * book's defaults filled in, so that the sequencing engine (a later part of issue 6) never has to
 * know whether a value was written or defaulted.
 */
export interface Sequencing {
  controlMode: ControlMode;
  sequencingRules: { pre: SequencingRule[]; exit: SequencingRule[]; post: SequencingRule[] };
  limitConditions: { attemptLimit: number | null; attemptAbsoluteDurationLimit: string | null };
  rollupRules: RollupRules;
  objectives: { primary: Objective | null; others: Objective[] };
  deliveryControls: DeliveryControls;
  randomizationControls: RandomizationControls;
  rollupConsiderations: RollupConsiderations;
}

export interface ControlMode {
  choice: boolean;
  choiceExit: boolean;
  flow: boolean;
  forwardOnly: boolean;
  useCurrentAttemptObjectiveInfo: boolean;
  useCurrentAttemptProgressInfo: boolean;
}

export interface SequencingRule {
  conditionCombination: 'all' | 'any';
  conditions: RuleCondition[];
  /** e.g. `skip`, `disabled`, `hiddenFromChoice`, `stopForwardTraversal` (pre); `exit` (exit); `retry`, `continue`, … (post). */
  action: string;
}

export interface RuleCondition {
  /** e.g. `satisfied`, `completed`, `attempted`, `objectiveMeasureGreaterThan`, `always`. */
  condition: string;
  operator: 'noOp' | 'not';
  referencedObjective: string | null;
  measureThreshold: number | null;
}

export interface RollupRules {
  rollupObjectiveSatisfied: boolean;
  rollupProgressCompletion: boolean;
  objectiveMeasureWeight: number;
  rules: RollupRule[];
}

export interface RollupRule {
  childActivitySet: 'all' | 'any' | 'none' | 'atLeastCount' | 'atLeastPercent';
  minimumCount: number;
  minimumPercent: number;
  conditionCombination: 'all' | 'any';
  conditions: { condition: string; operator: 'noOp' | 'not' }[];
  /** `satisfied`, `notSatisfied`, `completed` or `incomplete`. */
  action: string;
}

export interface Objective {
  objectiveId: string | null;
  satisfiedByMeasure: boolean;
  minNormalizedMeasure: number;
  mapInfo: ObjectiveMap[];
}

export interface ObjectiveMap {
  targetObjectiveId: string;
  readSatisfiedStatus: boolean;
  readNormalizedMeasure: boolean;
  writeSatisfiedStatus: boolean;
  writeNormalizedMeasure: boolean;
}

export interface DeliveryControls {
  tracked: boolean;
  completionSetByContent: boolean;
  objectiveSetByContent: boolean;
}

export interface RandomizationControls {
  randomizationTiming: string;
  selectCount: number | null;
  reorderChildren: boolean;
  selectionTiming: string;
}

export interface RollupConsiderations {
  requiredForSatisfied: string;
  requiredForNotSatisfied: string;
  requiredForCompleted: string;
  requiredForIncomplete: string;
  measureSatisfactionIfActive: boolean;
}

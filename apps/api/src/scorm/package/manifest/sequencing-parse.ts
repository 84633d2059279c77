import type {
  ControlMode,
  DeliveryControls,
  Objective,
  RandomizationControls,
  RollupConsiderations,
  RollupRule,
  RollupRules,
  RuleCondition,
  Sequencing,
  SequencingRule,
} from './sequencing-model.js';
import { attribute, child, children, type XmlElement } from './xml-tree.js';

/** The `imsss:sequencing` children that a sequencingCollection entry can supply to an item. */
type SequencingPart =
  | 'controlMode'
  | 'sequencingRules'
  | 'limitConditions'
  | 'rollupRules'
  | 'objectives'
  | 'deliveryControls'
  | 'randomizationControls'
  | 'rollupConsiderations';

export type SequencingCollection = ReadonlyMap<string, XmlElement>;

/** `imsss:sequencingCollection` entries by their `ID`, for items that refer to them with `IDRef`. */
export function sequencingCollection(manifest: XmlElement): SequencingCollection {
  const entries = new Map<string, XmlElement>();
  for (const sequencing of children(child(manifest, 'sequencingCollection'), 'sequencing')) {
    const id = attribute(sequencing, 'ID');
    if (id) entries.set(id, sequencing);
  }
  return entries;
}

export interface SequencingResult {
  sequencing: Sequencing;
  /** The `IDRef` written on the element, resolved or not. */
  idRef: string | null;
  /** True when `IDRef` names no entry of the collection (reported by the package check). */
  unresolvedIdRef: boolean;
}

/**
 * Reads an item's or organization's `imsss:sequencing`. With `IDRef`, the collection entry gives
 * every part the element does not itself declare: the specification lets the local element
 * add to or override the shared one, part by part.
 */
export function readSequencing(
  element: XmlElement | null,
  collection: SequencingCollection,
): SequencingResult | null {
  if (!element) return null;
  const idRef = attribute(element, 'IDRef');
  const shared = idRef ? collection.get(idRef) : undefined;
  const part = (name: SequencingPart) => child(element, name) ?? child(shared, name);
  const rules = part('sequencingRules');
  const limits = part('limitConditions');
  const objectives = part('objectives');
  const sequencing: Sequencing = {
    controlMode: controlMode(part('controlMode')),
    sequencingRules: {
      pre: children(rules, 'preConditionRule').map(sequencingRule),
      exit: children(rules, 'exitConditionRule').map(sequencingRule),
      post: children(rules, 'postConditionRule').map(sequencingRule),
    },
    limitConditions: {
      attemptLimit: integer(attribute(limits, 'attemptLimit')),
      attemptAbsoluteDurationLimit: attribute(limits, 'attemptAbsoluteDurationLimit'),
    },
    rollupRules: rollupRules(part('rollupRules')),
    objectives: {
      primary: child(objectives, 'primaryObjective')
        ? objective(child(objectives, 'primaryObjective'))
        : null,
      others: children(objectives, 'objective').map(objective),
    },
    deliveryControls: deliveryControls(part('deliveryControls')),
    randomizationControls: randomizationControls(part('randomizationControls')),
    rollupConsiderations: rollupConsiderations(part('rollupConsiderations')),
  };
  return { sequencing, idRef, unresolvedIdRef: idRef !== null && shared === undefined };
}

function flag(element: XmlElement | null, name: string, fallback: boolean): boolean {
  const value = attribute(element, name);
  if (value === null) return fallback;
  return value === 'true' || value === '1';
}

function decimal(value: string | null, fallback: number): number {
  const parsed = value === null ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

function integer(value: string | null): number | null {
  const parsed = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : null;
}

function controlMode(element: XmlElement | null): ControlMode {
  return {
    choice: flag(element, 'choice', true),
    choiceExit: flag(element, 'choiceExit', true),
    flow: flag(element, 'flow', false),
    forwardOnly: flag(element, 'forwardOnly', false),
    useCurrentAttemptObjectiveInfo: flag(element, 'useCurrentAttemptObjectiveInfo', true),
    useCurrentAttemptProgressInfo: flag(element, 'useCurrentAttemptProgressInfo', true),
  };
}

function combination(value: string | null, fallback: 'all' | 'any'): 'all' | 'any' {
  return value === 'all' || value === 'any' ? value : fallback;
}

function operator(element: XmlElement): 'noOp' | 'not' {
  return attribute(element, 'operator') === 'not' ? 'not' : 'noOp';
}

function sequencingRule(element: XmlElement): SequencingRule {
  const conditions = child(element, 'ruleConditions');
  return {
    conditionCombination: combination(attribute(conditions, 'conditionCombination'), 'all'),
    conditions: children(conditions, 'ruleCondition').map((condition): RuleCondition => ({
      condition: attribute(condition, 'condition') ?? '',
      operator: operator(condition),
      referencedObjective: attribute(condition, 'referencedObjective'),
      measureThreshold:
        attribute(condition, 'measureThreshold') === null
          ? null
          : decimal(attribute(condition, 'measureThreshold'), 0),
    })),
    action: attribute(child(element, 'ruleAction'), 'action') ?? '',
  };
}

const CHILD_ACTIVITY_SETS = ['all', 'any', 'none', 'atLeastCount', 'atLeastPercent'] as const;

function rollupRules(element: XmlElement | null): RollupRules {
  return {
    rollupObjectiveSatisfied: flag(element, 'rollupObjectiveSatisfied', true),
    rollupProgressCompletion: flag(element, 'rollupProgressCompletion', true),
    objectiveMeasureWeight: decimal(attribute(element, 'objectiveMeasureWeight'), 1),
    rules: children(element, 'rollupRule').map((rule): RollupRule => {
      const set = attribute(rule, 'childActivitySet');
      const conditions = child(rule, 'rollupConditions');
      return {
        childActivitySet: CHILD_ACTIVITY_SETS.find((s) => s === set) ?? 'all',
        minimumCount: integer(attribute(rule, 'minimumCount')) ?? 0,
        minimumPercent: decimal(attribute(rule, 'minimumPercent'), 0),
        conditionCombination: combination(attribute(conditions, 'conditionCombination'), 'any'),
        conditions: children(conditions, 'rollupCondition').map((condition) => ({
          condition: attribute(condition, 'condition') ?? '',
          operator: operator(condition),
        })),
        action: attribute(child(rule, 'rollupAction'), 'action') ?? '',
      };
    }),
  };
}

function objective(element: XmlElement | null): Objective {
  return {
    objectiveId: attribute(element, 'objectiveID'),
    satisfiedByMeasure: flag(element, 'satisfiedByMeasure', false),
    minNormalizedMeasure: decimal(child(element, 'minNormalizedMeasure')?.text ?? null, 1),
    mapInfo: children(element, 'mapInfo').map((map) => ({
      targetObjectiveId: attribute(map, 'targetObjectiveID') ?? '',
      readSatisfiedStatus: flag(map, 'readSatisfiedStatus', true),
      readNormalizedMeasure: flag(map, 'readNormalizedMeasure', true),
      writeSatisfiedStatus: flag(map, 'writeSatisfiedStatus', false),
      writeNormalizedMeasure: flag(map, 'writeNormalizedMeasure', false),
    })),
  };
}

function deliveryControls(element: XmlElement | null): DeliveryControls {
  return {
    tracked: flag(element, 'tracked', true),
    completionSetByContent: flag(element, 'completionSetByContent', false),
    objectiveSetByContent: flag(element, 'objectiveSetByContent', false),
  };
}

function randomizationControls(element: XmlElement | null): RandomizationControls {
  return {
    randomizationTiming: attribute(element, 'randomizationTiming') ?? 'never',
    selectCount: integer(attribute(element, 'selectCount')),
    reorderChildren: flag(element, 'reorderChildren', false),
    selectionTiming: attribute(element, 'selectionTiming') ?? 'never',
  };
}

function rollupConsiderations(element: XmlElement | null): RollupConsiderations {
  return {
    requiredForSatisfied: attribute(element, 'requiredForSatisfied') ?? 'always',
    requiredForNotSatisfied: attribute(element, 'requiredForNotSatisfied') ?? 'always',
    requiredForCompleted: attribute(element, 'requiredForCompleted') ?? 'always',
    requiredForIncomplete: attribute(element, 'requiredForIncomplete') ?? 'always',
    measureSatisfactionIfActive: flag(element, 'measureSatisfactionIfActive', true),
  };
}

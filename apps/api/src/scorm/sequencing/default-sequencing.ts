import type { Sequencing } from '../package/manifest/index.js';

/**
 * The sequencing of an activity that declares none: the SN book's defaults. SCORM 1.2 has no IMS
 * sequencing at all, and its LMSs let learners both pick items and move through them in order,
 * so 1.2 activities get flow as well as choice.
 */
export function defaultSequencing(flow: boolean): Sequencing {
  return {
    controlMode: {
      choice: true,
      choiceExit: true,
      flow,
      forwardOnly: false,
      useCurrentAttemptObjectiveInfo: true,
      useCurrentAttemptProgressInfo: true,
    },
    sequencingRules: { pre: [], exit: [], post: [] },
    limitConditions: { attemptLimit: null, attemptAbsoluteDurationLimit: null },
    rollupRules: {
      rollupObjectiveSatisfied: true,
      rollupProgressCompletion: true,
      objectiveMeasureWeight: 1,
      rules: [],
    },
    objectives: { primary: null, others: [] },
    deliveryControls: { tracked: true, completionSetByContent: false, objectiveSetByContent: false },
    randomizationControls: {
      randomizationTiming: 'never',
      selectCount: null,
      reorderChildren: false,
      selectionTiming: 'never',
    },
    rollupConsiderations: {
      requiredForSatisfied: 'always',
      requiredForNotSatisfied: 'always',
      requiredForCompleted: 'always',
      requiredForIncomplete: 'always',
      measureSatisfactionIfActive: true,
    },
  };
}

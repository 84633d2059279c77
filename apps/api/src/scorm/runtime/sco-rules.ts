import type { FrozenScormItem } from '../frozen-scorm.js';

/** What the manifest tells the LMS about one SCO: the values the launch gives it and commits are judged by. */
export interface ScoRules {
  /** 1.2 `adlcp:masteryscore` (0–100). */
  masteryScore: number | null;
  /** 2004 `adlcp:completionThreshold` when it decides completion (completedByMeasure). */
  completionThreshold: number | null;
  /** 2004 primary objective's minNormalizedMeasure when satisfiedByMeasure (`cmi.scaled_passing_score`). */
  scaledPassingScore: number | null;
  /** 1.2 `datafromlms` / 2004 `dataFromLMS`. */
  launchData: string | null;
  maxTimeAllowed: string | null;
  timeLimitAction: string | null;
}

export function scoRules(item: FrozenScormItem): ScoRules {
  const threshold = item.completionThreshold;
  const primary = item.sequencing?.objectives.primary ?? null;
  return {
    masteryScore: item.masteryScore,
    completionThreshold: threshold?.completedByMeasure ? threshold.minProgressMeasure : null,
    scaledPassingScore: primary?.satisfiedByMeasure ? primary.minNormalizedMeasure : null,
    launchData: item.dataFromLms,
    maxTimeAllowed: item.maxTimeAllowed,
    timeLimitAction: item.timeLimitAction,
  };
}

import type { FrozenScorm } from '../frozen-scorm.js';
import type { ScormVersion } from '../package/manifest/index.js';
import { assess } from './assess.js';
import type { EngineOptions, ScoRecord, TreeStatus } from './types.js';

/** Every item's status for the learner, containers rolled up, with what rules make of each. */
export function evaluate(
  org: FrozenScorm['organization'],
  version: ScormVersion,
  records: Map<string, ScoRecord>,
  options: EngineOptions = {},
): TreeStatus {
  return assess(org, version, records, options.seed ?? null).status;
}

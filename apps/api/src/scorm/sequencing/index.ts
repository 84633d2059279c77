/**
 * The SCORM sequencing engine: pure functions of the frozen organization and the learner's SCO
 * records (no database, no Nest). What it supports is written in docs/scorm-sequencing.md.
 */
export { controlsOf } from './controls.js';
export { evaluate } from './evaluate.js';
export { navigate } from './navigate.js';
export type {
  CompletionStatus,
  Controls,
  EngineOptions,
  ItemStatus,
  NavOutcome,
  NavRefusal,
  NavRequest,
  NavRequestKind,
  ScoRecord,
  SuccessStatus,
  TreeStatus,
} from './types.js';

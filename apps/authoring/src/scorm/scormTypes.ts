import type { Schemas } from '@archipelago/api-client';

/*
 * The shapes of the studio's SCORM routes (ScormPackagesModule, and the trainer routes of
 * ScormRuntimeModule), from the typed client.
 */

export type ScormVersion = Schemas['ScormPackageSummary']['scormVersion'];
export type Completion = Schemas['ScormLearnerRow']['completion'];
export type Success = Schemas['ScormLearnerRow']['success'];
/** One error or warning about a package: a manifest problem, or the unzip refusal as its own. */
export type PackageProblem = Schemas['ScormPackageProblem'];
export type ScormItemView = Schemas['ScormItemView'];
export type ScormPackageSummary = Schemas['ScormPackageSummary'];
export type ScormPackageView = Schemas['ScormPackageView'];
export type ScormLearnerRow = Schemas['ScormLearnerRow'];
export type ScormInteraction = Schemas['ScormInteractionView'];
export type ScormAttemptView = Schemas['ScormAttemptView'];
export type ScormLearnerDetail = Schemas['ScormLearnerDetail'];

/** The activity's package, its older uploads, and its place: title, course, archived or not. */
export type ScormDraftView = Schemas['ScormDraftView'];

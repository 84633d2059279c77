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
export type ScormLearnerList = Schemas['ScormLearnerPage'];
export type ScormInteraction = Schemas['ScormInteractionView'];
export type ScormAttemptView = Schemas['ScormAttemptView'];
export type ScormLearnerSco = Schemas['ScormScoAttempts'];
export type ScormLearnerDetail = Schemas['ScormLearnerDetail'];

/**
 * The draft view, and the activity's title and course when the server says them (asked for in the
 * contract: the breadcrumb back to the course, and the archived notice).
 */
export type ScormDraftView = Schemas['ScormDraftView'] & {
  title?: string;
  courseId?: string;
  courseTitle?: string;
  courseArchived?: boolean;
};

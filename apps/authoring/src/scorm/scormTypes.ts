/*
 * The shapes of the studio's SCORM routes (issue 6 contract: ScormPackagesModule and the trainer
 * routes of ScormRuntimeModule), written from the contract until the typed client carries them.
 */

export type ScormVersion = '1.2' | '2004-2nd' | '2004-3rd' | '2004-4th';
export type Completion = 'not attempted' | 'incomplete' | 'completed' | 'unknown';
export type Success = 'passed' | 'failed' | 'unknown';

/** One error or warning about a package: a manifest problem, or the unzip refusal as its own. */
export interface PackageProblem {
  severity: 'error' | 'warning';
  /** A PackageProblemCode or an UnzipProblemCode; unknown codes fall back to `detail`. */
  code: string;
  /** English, from the server: shown when the studio has no words of its own for the code. */
  detail: string;
  itemId?: string | null;
  resourceId?: string | null;
  /** Line of imsmanifest.xml, for XML that is not well-formed. */
  line?: number | null;
  /** The zip entry at fault, for an unzip refusal. */
  entry?: string | null;
}

export interface ScormItemView {
  identifier: string;
  title: string;
  scormType: 'sco' | 'asset' | null;
  isVisible: boolean;
  launchUrl: string | null;
  children: ScormItemView[];
}

export interface Uploader {
  id: string;
  name: string;
}

export interface ScormPackageSummary {
  id: string;
  scormVersion: ScormVersion;
  title: string;
  originalName: string;
  zipBytes: number;
  fileCount: number;
  uploadedAt: string;
  uploadedBy: Uploader | null;
}

export interface ScormPackageView extends ScormPackageSummary {
  unpackedBytes: number;
  warnings: PackageProblem[];
  items: ScormItemView[];
  /** SCO identifiers compared with the package this one replaced; null for the first upload. */
  replacement: { kept: string[]; dropped: string[]; added: string[] } | null;
}

export interface ScormDraftView {
  activityId: string;
  /** The activity's title and course, for the breadcrumb (asked for in the contract's changes). */
  title?: string;
  courseId?: string;
  courseTitle?: string;
  courseArchived?: boolean;
  package: ScormPackageView | null;
  /** Older uploads, newest first. */
  history: ScormPackageSummary[];
}

export interface ScormLearnerRow {
  enrolmentId: string;
  userId?: string;
  displayName: string;
  email: string;
  completion: Completion;
  success: Success;
  scoreScaled: number | null;
  totalSeconds: number;
  attempts: number;
  lastLaunchedAt: string | null;
  completedAt?: string | null;
}

export interface ScormLearnerList {
  items: ScormLearnerRow[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ScormInteraction {
  id: string;
  type: string | null;
  description: string | null;
  learnerResponse: string | null;
  correctResponses: string[];
  result: string | null;
  weighting: string | number | null;
  latency: string | null;
  timestamp: string | null;
}

export interface ScormAttemptView {
  id: string;
  number: number;
  state: 'open' | 'suspended' | 'ended';
  startedAt: string;
  updatedAt: string;
  endedAt: string | null;
  sessionCount: number;
  completion: Completion;
  success: Success;
  scoreScaled: number | null;
  scoreRaw: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  totalSeconds: number;
  location: string | null;
  suspendDataLength: number;
  exit: string | null;
  interactions: ScormInteraction[];
}

export interface ScormLearnerSco {
  identifier: string;
  /** null: the SCO is no longer in the current package, but the learner has data for it. */
  title: string | null;
  attempts: ScormAttemptView[];
}

export interface ScormLearnerDetail {
  enrolmentId: string;
  displayName: string;
  email: string;
  scos: ScormLearnerSco[];
}

import type { ScormVersion, VersionDetection } from './scorm-version.js';
import type { Sequencing } from './sequencing-model.js';

export interface ScormManifest {
  identifier: string | null;
  version: ScormVersion;
  versionDetection: VersionDetection;
  /** The organization learners take: the one named by `organizations@default`, else the first. */
  organization: ScormOrganization | null;
  organizations: ScormOrganization[];
  /** `organizations@default` as written, even when it names no organization. */
  defaultOrganizationRef: string | null;
  resources: ScormResource[];
}

export interface ScormOrganization {
  identifier: string;
  title: string;
  items: ScormItem[];
  sequencing: Sequencing | null;
  sequencingIdRef: string | null;
  unresolvedSequencingIdRef: boolean;
  /** `adlseq:objectivesGlobalToSystem`: false keeps global objectives per course, not per learner everywhere. */
  objectivesGlobalToSystem: boolean;
}

export interface ScormItem {
  identifier: string;
  title: string;
  /** Null for a container (an item without identifierref, which only groups other items). */
  identifierref: string | null;
  parameters: string | null;
  isVisible: boolean;
  /**
   * Where the browser opens the item, relative to the package root: the `xml:base` values of the
   * manifest, `resources` and resource, then the resource's href, then the item's parameters.
   * Null for containers and for items whose resource is missing or has no usable href; http(s)
   * addresses are kept as written.
   */
  launchUrl: string | null;
  children: ScormItem[];
  // SCORM 1.2 item data (adlcp:); the same element names in other case are read too.
  masteryScore: number | null;
  prerequisites: string | null;
  maxTimeAllowed: string | null;
  /** `timelimitaction` (1.2) or `timeLimitAction` (2004): `exit,message`, `continue,no message`, … */
  timeLimitAction: string | null;
  /** `datafromlms` (1.2) or `dataFromLMS` (2004): the launch data given to the SCO. */
  dataFromLms: string | null;
  // SCORM 2004 item data.
  completionThreshold: CompletionThreshold | null;
  sequencing: Sequencing | null;
  sequencingIdRef: string | null;
  unresolvedSequencingIdRef: boolean;
  /** `adlnav:presentation/navigationInterface/hideLMSUI` values: `previous`, `continue`, `exit`, … */
  hideLmsUi: string[];
}

/**
 * 3rd edition writes the threshold as the element's text; 4th edition as attributes, adding
 * whether the threshold decides completion at all and the weight of the item's progress.
 */
export interface CompletionThreshold {
  completedByMeasure: boolean;
  minProgressMeasure: number;
  progressWeight: number;
}

export interface ScormResource {
  identifier: string;
  type: string | null;
  scormType: 'sco' | 'asset';
  /** As written, before xml:base. */
  href: string | null;
  /**
   * Package-relative URL of the href with every xml:base applied, or the href itself when it is an
   * http(s) address; null without an href or with any other kind of absolute URL.
   */
  launchUrl: string | null;
  /** Package-relative URLs of the `file` elements, xml:base applied. */
  files: string[];
  dependencies: string[];
}

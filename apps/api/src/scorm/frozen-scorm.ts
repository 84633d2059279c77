import type { ScormItem, ScormOrganization, ScormVersion } from './package/manifest/index.js';

/** An organization item as a published version keeps it, with what its resource is. */
export interface FrozenScormItem extends Omit<ScormItem, 'children'> {
  /** `sco` talks to the runtime API; `asset` is only shown; null for a container. */
  scormType: 'sco' | 'asset' | null;
  children: FrozenScormItem[];
}

/**
 * What publishing freezes of a scorm activity (the kind's snapshot content): the package it plays
 * and the organization learners take, so that the player, the runtime and sequencing never read
 * the draft or the package row again.
 */
export interface FrozenScorm {
  packageId: string;
  scormVersion: ScormVersion;
  title: string;
  organization: Omit<ScormOrganization, 'items'> & { items: FrozenScormItem[] };
}

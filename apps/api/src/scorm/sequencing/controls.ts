import type { FrozenScorm, FrozenScormItem } from '../frozen-scorm.js';
import type { ScormVersion } from '../package/manifest/index.js';
import { isScorm12 } from './activity-tree.js';
import { defaultSequencing } from './default-sequencing.js';
import type { Controls } from './types.js';

function find(items: FrozenScormItem[], identifier: string): FrozenScormItem | null {
  for (const item of items) {
    if (item.identifier === identifier) return item;
    const found = find(item.children, identifier);
    if (found) return found;
  }
  return null;
}

function hasAnySequencing(items: FrozenScormItem[]): boolean {
  return items.some((item) => item.sequencing !== null || hasAnySequencing(item.children));
}

/**
 * The control modes of the organization (or of one item): what the player offers. SCORM 1.2 has
 * no IMS sequencing and gets choice and flow; a 2004 activity without sequencing gets the SN
 * book's defaults (choice, no flow). Pass `version`: without it, an organization with no
 * sequencing anywhere is taken for 1.2.
 */
export function controlsOf(
  org: FrozenScorm['organization'],
  itemId?: string,
  version?: ScormVersion,
): Controls {
  const legacy =
    version !== undefined ? isScorm12(version) : org.sequencing === null && !hasAnySequencing(org.items);
  const declared = legacy
    ? null
    : itemId === undefined || itemId === org.identifier
      ? org.sequencing
      : (find(org.items, itemId)?.sequencing ?? null);
  const mode = (declared ?? defaultSequencing(legacy)).controlMode;
  return { choice: mode.choice, flow: mode.flow, forwardOnly: mode.forwardOnly };
}

import type { FrozenScorm, FrozenScormItem } from '../frozen-scorm.js';
import type { ScormVersion, Sequencing } from '../package/manifest/index.js';
import { defaultSequencing } from './default-sequencing.js';
import { selectChildren } from './selection.js';

/** One node of the activity tree: the organization (root) or an item. */
export interface Activity {
  identifier: string;
  /** Null for the root (the organization). */
  item: FrozenScormItem | null;
  parent: Activity | null;
  children: Activity[];
  sequencing: Sequencing;
  /** Index in pre-order, the order flow walks. */
  order: number;
}

export interface ActivityTree {
  root: Activity;
  /** Every activity in pre-order, root first. */
  list: Activity[];
  byId: Map<string, Activity>;
  version: ScormVersion;
  /** Items a cluster's selectCount left out for this learner, with their descendants. */
  unselected: FrozenScormItem[];
}

export function isScorm12(version: ScormVersion): boolean {
  return version === '1.2';
}

export function buildActivityTree(
  org: FrozenScorm['organization'],
  version: ScormVersion,
  seed: string | null = null,
): ActivityTree {
  const legacy = isScorm12(version);
  const sequencingOf = (declared: Sequencing | null) =>
    legacy || !declared ? defaultSequencing(legacy) : declared;
  const list: Activity[] = [];
  const byId = new Map<string, Activity>();
  const root: Activity = {
    identifier: org.identifier,
    item: null,
    parent: null,
    children: [],
    sequencing: sequencingOf(org.sequencing),
    order: 0,
  };
  list.push(root);
  byId.set(root.identifier, root);
  const unselected: FrozenScormItem[] = [];
  const leaveOut = (item: FrozenScormItem): void => {
    unselected.push(item);
    item.children.forEach(leaveOut);
  };
  const addChildren = (items: FrozenScormItem[], parent: Activity) => {
    const { kept, left } = selectChildren(items, parent.sequencing, parent.identifier, seed);
    left.forEach(leaveOut);
    for (const item of kept) add(item, parent);
  };
  const add = (item: FrozenScormItem, parent: Activity): void => {
    const activity: Activity = {
      identifier: item.identifier,
      item,
      parent,
      children: [],
      sequencing: sequencingOf(item.sequencing),
      order: list.length,
    };
    list.push(activity);
    if (!byId.has(item.identifier)) byId.set(item.identifier, activity);
    parent.children.push(activity);
    addChildren(item.children, activity);
  };
  addChildren(org.items, root);
  return { root, list, byId, version, unselected };
}

export function isLeaf(activity: Activity): boolean {
  return activity.children.length === 0;
}

/** A leaf the player can open: it has a resource (SCO or asset) with a launch URL. */
export function isLaunchable(activity: Activity): boolean {
  const item = activity.item;
  return isLeaf(activity) && item !== null && item.launchUrl !== null && item.scormType !== null;
}

/** The activity and its ancestors, nearest first, root last. */
export function ancestry(activity: Activity): Activity[] {
  const path: Activity[] = [];
  for (let node: Activity | null = activity; node; node = node.parent) path.push(node);
  return path;
}

export function commonAncestor(a: Activity, b: Activity): Activity {
  const ofB = new Set(ancestry(b));
  return ancestry(a).find((node) => ofB.has(node)) ?? a;
}

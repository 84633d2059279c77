import type { ScormTocItem } from './scorm-api';

export type ItemStatus = 'notStarted' | 'inProgress' | 'completed' | 'passed' | 'failed';

/** One status word per item: a pass or fail outranks completion, which outranks being started. */
export function statusOf(item: Pick<ScormTocItem, 'completion' | 'success'>): ItemStatus {
  if (item.success === 'passed') return 'passed';
  if (item.success === 'failed') return 'failed';
  if (item.completion === 'completed') return 'completed';
  if (item.completion === 'incomplete') return 'inProgress';
  return 'notStarted';
}

/** The launchable items in the organization's order (hidden ones too: flow may deliver them). */
export function launchableOrder(tree: readonly ScormTocItem[]): ScormTocItem[] {
  const out: ScormTocItem[] = [];
  const walk = (items: readonly ScormTocItem[]) => {
    for (const item of items) {
      if (item.launchable) out.push(item);
      walk(item.children);
    }
  };
  walk(tree);
  return out;
}

export function findItem(tree: readonly ScormTocItem[], identifier: string): ScormTocItem | null {
  for (const item of tree) {
    if (item.identifier === identifier) return item;
    const found = findItem(item.children, identifier);
    if (found) return found;
  }
  return null;
}

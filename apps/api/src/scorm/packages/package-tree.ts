import type { FrozenScorm, FrozenScormItem } from '../frozen-scorm.js';
import type { ScormItem, ScormManifest } from '../package/manifest/index.js';
import type { ScormItemView, ScormReplacement } from './scorm-packages.dto.js';

/** Each item of the organization with what its resource is: sco, asset, or null for a container. */
export function frozenItems(manifest: ScormManifest): FrozenScormItem[] {
  const types = new Map(manifest.resources.map((r) => [r.identifier, r.scormType]));
  const freeze = (item: ScormItem): FrozenScormItem => ({
    ...item,
    scormType: item.identifierref ? (types.get(item.identifierref) ?? null) : null,
    children: item.children.map(freeze),
  });
  return (manifest.organization?.items ?? []).map(freeze);
}

/** What publishing keeps of a package: its id, version, title and the organization learners take. */
export function freezePackage(pkg: { id: string; title: string; manifest: ScormManifest }): FrozenScorm {
  const organization = pkg.manifest.organization!;
  return {
    packageId: pkg.id,
    scormVersion: pkg.manifest.version,
    title: pkg.title,
    organization: { ...organization, items: frozenItems(pkg.manifest) },
  };
}

export function* walkItems<T extends { children: T[] }>(items: readonly T[]): Generator<T> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.children);
  }
}

/** The identifiers of the SCOs learners can launch, in organization order. */
export function scoIdentifiers(manifest: ScormManifest): string[] {
  return [...walkItems(frozenItems(manifest))].filter((i) => i.scormType === 'sco').map((i) => i.identifier);
}

/** Runtime data is keyed by SCO identifier: these keep it, lose it, or start fresh. */
export function replacementOf(previous: ScormManifest, next: ScormManifest): ScormReplacement {
  const before = scoIdentifiers(previous);
  const after = scoIdentifiers(next);
  const had = new Set(before);
  const has = new Set(after);
  return {
    kept: after.filter((id) => had.has(id)),
    dropped: before.filter((id) => !has.has(id)),
    added: after.filter((id) => !had.has(id)),
  };
}

export function itemViews(items: readonly FrozenScormItem[]): ScormItemView[] {
  return items.map((item) => ({
    identifier: item.identifier,
    title: item.title,
    scormType: item.scormType,
    isVisible: item.isVisible,
    launchUrl: item.launchUrl,
    children: itemViews(item.children),
  }));
}

/** The learner-facing tree of a frozen package (no launch URLs: the runtime hands those out). */
export interface PresentedItem {
  identifier: string;
  title: string;
  scormType: 'sco' | 'asset' | null;
  isVisible: boolean;
  children: PresentedItem[];
}

export function presentedItems(items: readonly FrozenScormItem[]): PresentedItem[] {
  return items.map((item) => ({
    identifier: item.identifier,
    title: item.title,
    scormType: item.scormType,
    isVisible: item.isVisible,
    children: presentedItems(item.children),
  }));
}

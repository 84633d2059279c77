import type { FrozenScormItem } from '../frozen-scorm.js';
import type { Sequencing } from '../package/manifest/index.js';

/** FNV-1a: a stable 32-bit hash of the seed, so a learner always gets the same selection. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** mulberry32: a small seeded generator; statistical quality is beside the point here. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Selection {
  kept: FrozenScormItem[];
  left: FrozenScormItem[];
}

/**
 * `randomizationControls selectCount`: which children of a cluster this learner takes. With a
 * seed (one per learner), a random choice that never changes for that learner — the SN book's
 * `once` timing, also used for `onEachNewAttempt`, since cluster attempts are not recorded; without
 * one, the first children. The chosen keep their manifest order (`reorderChildren` is not applied).
 */
export function selectChildren(
  children: FrozenScormItem[],
  sequencing: Sequencing,
  ownerId: string,
  seed: string | null,
): Selection {
  const { selectCount, selectionTiming } = sequencing.randomizationControls;
  if (selectionTiming === 'never' || !selectCount || selectCount >= children.length) {
    return { kept: children, left: [] };
  }
  const indices = children.map((_, index) => index);
  if (seed !== null) {
    const random = generator(hash(`${seed}:${ownerId}`));
    for (let index = indices.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [indices[index], indices[other]] = [indices[other]!, indices[index]!];
    }
  }
  const chosen = new Set(indices.slice(0, selectCount));
  return {
    kept: children.filter((_, index) => chosen.has(index)),
    left: children.filter((_, index) => !chosen.has(index)),
  };
}

import { Injectable } from '@nestjs/common';
import { PublishedVersionsService } from '../../courses/published-versions.service.js';
import type { FrozenScorm, FrozenScormItem } from '../frozen-scorm.js';
import { scoRules, type ScoRules } from './sco-rules.js';

/** The activity kind whose published content is a FrozenScorm (registered by the packages module). */
export const SCORM_KIND = 'scorm';

/** A published scorm activity, indexed once for launches and commits. */
export interface ScormPlan {
  versionId: string;
  activityId: string;
  frozen: FrozenScorm;
  is2004: boolean;
  /** Every item by identifier. */
  items: Map<string, FrozenScormItem>;
  /** Manifest values per launchable item. */
  rules: Map<string, ScoRules>;
  /** Launchable items (SCOs and assets) in tree order. */
  launchable: FrozenScormItem[];
}

const MAX_CACHED = 2000;

function* walk(items: readonly FrozenScormItem[]): Generator<FrozenScormItem> {
  for (const item of items) {
    yield item;
    yield* walk(item.children);
  }
}

/**
 * Published scorm activities by version and activity: a published version never changes, so each
 * is read and indexed once and kept in memory (like FrozenQuizzes); a commit then costs no read of
 * the manifest.
 */
@Injectable()
export class FrozenScorms {
  private readonly cache = new Map<string, ScormPlan>();

  constructor(private readonly versions: PublishedVersionsService) {}

  /** The activity as the version froze it; null when the version holds no scorm activity with this id. */
  async get(versionId: string, activityId: string): Promise<ScormPlan | null> {
    const key = `${versionId}:${activityId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const stored = await this.versions.activityContent(versionId, activityId);
    if (!stored || stored.kind !== SCORM_KIND) return null;
    const plan = indexPlan(versionId, activityId, stored.content as unknown as FrozenScorm);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, plan);
    return plan;
  }
}

export function indexPlan(versionId: string, activityId: string, frozen: FrozenScorm): ScormPlan {
  const items = new Map<string, FrozenScormItem>();
  const rules = new Map<string, ScoRules>();
  const launchable: FrozenScormItem[] = [];
  for (const item of walk(frozen.organization.items)) {
    items.set(item.identifier, item);
    if (item.launchUrl !== null && item.scormType !== null) {
      launchable.push(item);
      rules.set(item.identifier, scoRules(item));
    }
  }
  return { versionId, activityId, frozen, is2004: frozen.scormVersion !== '1.2', items, rules, launchable };
}

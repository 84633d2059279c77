import type { EntityManager } from 'typeorm';
import type { FrameworkContentService } from '../frameworks/framework-content.service.js';

export interface PlanDimension {
  key: string;
  name: string;
}

/**
 * The dimensions of a framework version, in the framework's order: what an action may be filed
 * under, and the names the plan shows.
 */
export async function planDimensions(
  frameworks: FrameworkContentService,
  db: EntityManager,
  versionId: string,
): Promise<PlanDimension[]> {
  const content = await frameworks.content(versionId, db);
  return (content?.dimensions ?? []).map(({ key, name }) => ({ key, name }));
}

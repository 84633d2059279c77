import type { EntityManager } from 'typeorm';

export interface PlanDimension {
  key: string;
  name: string;
}

/**
 * The dimensions of a framework version, in the framework's order: what an action may be filed
 * under, and the names the plan shows. A plain read of the version's own rows (they never change
 * once published), so the plan does not depend on how the framework editor caches content.
 */
export async function planDimensions(db: EntityManager, versionId: string): Promise<PlanDimension[]> {
  return (await db.query(
    `SELECT key, name FROM dgca_dimension WHERE version_id = $1 ORDER BY position, key`,
    [versionId],
  )) as PlanDimension[];
}

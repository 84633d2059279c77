import type { EntityManager } from 'typeorm';

export interface ScaleLevel {
  value: number;
  label: string;
  description: string;
}

export interface VersionContent {
  versionId: string;
  status: string;
  scale: ScaleLevel[];
  dimensions: {
    key: string;
    name: string;
    description: string;
    statements: { id: string; text: string; guidance: string }[];
  }[];
  statementCount: number;
}

/** A framework version's scale and statements, in order; null when there is no such version. */
export async function versionContent(db: EntityManager, versionId: string): Promise<VersionContent | null> {
  const [version] = (await db.query(`SELECT id, status, scale FROM dgca_framework_version WHERE id = $1`, [
    versionId,
  ])) as { id: string; status: string; scale: ScaleLevel[] }[];
  if (!version) return null;
  const rows = (await db.query(
    `SELECT d.id AS "dimensionId", d.key, d.name, d.description,
            s.id AS "statementId", s.text, s.guidance
       FROM dgca_dimension d LEFT JOIN dgca_statement s ON s.dimension_id = d.id
      WHERE d.version_id = $1
      ORDER BY d.position, d.key, s.position, s.id`,
    [versionId],
  )) as {
    dimensionId: string;
    key: string;
    name: string;
    description: string;
    statementId: string | null;
    text: string;
    guidance: string;
  }[];
  const dimensions: VersionContent['dimensions'] = [];
  let current: { id: string; dimension: VersionContent['dimensions'][number] } | undefined;
  for (const row of rows) {
    if (current?.id !== row.dimensionId) {
      current = {
        id: row.dimensionId,
        dimension: { key: row.key, name: row.name, description: row.description, statements: [] },
      };
      dimensions.push(current.dimension);
    }
    if (row.statementId)
      current.dimension.statements.push({ id: row.statementId, text: row.text, guidance: row.guidance });
  }
  const scale = [...(version.scale ?? [])].sort((a, b) => a.value - b.value);
  return {
    versionId: version.id,
    status: version.status,
    scale: scale.map((level) => ({
      value: level.value,
      label: level.label,
      description: level.description ?? '',
    })),
    dimensions,
    statementCount: dimensions.reduce((sum, dimension) => sum + dimension.statements.length, 0),
  };
}

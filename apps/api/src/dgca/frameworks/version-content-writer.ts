import type { EntityManager } from 'typeorm';
import type { SaveFrameworkVersionRequest } from './frameworks.dto.js';

/**
 * Writes a draft's content in a handful of statements whatever its size. Dimension keys are unique
 * within a version, so statements and recommendations find their new dimension by key.
 */
export async function replaceContent(
  tx: EntityManager,
  versionId: string,
  body: SaveFrameworkVersionRequest,
): Promise<void> {
  await tx.query(`DELETE FROM dgca_dimension WHERE version_id = $1`, [versionId]);
  if (body.dimensions.length === 0) return;
  await tx.query(
    `INSERT INTO dgca_dimension (version_id, key, position, name, description)
     SELECT $1, d.key, d.position - 1, d.name, d.description
       FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS d(key, name, description, position)`,
    [
      versionId,
      body.dimensions.map((d) => d.key),
      body.dimensions.map((d) => d.name),
      body.dimensions.map((d) => d.description ?? ''),
    ],
  );
  const statements = body.dimensions.flatMap((d) =>
    d.statements.map((s, position) => ({ key: d.key, position, text: s.text, guidance: s.guidance ?? '' })),
  );
  if (statements.length > 0)
    await tx.query(
      `INSERT INTO dgca_statement (dimension_id, position, text, guidance)
       SELECT d.id, s.position, s.text, s.guidance
         FROM unnest($2::text[], $3::int[], $4::text[], $5::text[]) AS s(key, position, text, guidance)
         JOIN dgca_dimension d ON d.version_id = $1 AND d.key = s.key`,
      [
        versionId,
        statements.map((s) => s.key),
        statements.map((s) => s.position),
        statements.map((s) => s.text),
        statements.map((s) => s.guidance),
      ],
    );
  const recommendations = body.dimensions.flatMap((d) =>
    d.recommendations.map((r, position) => ({
      key: d.key,
      position,
      courseId: r.courseId,
      moduleId: r.moduleId ?? null,
    })),
  );
  if (recommendations.length > 0)
    await tx.query(
      `INSERT INTO dgca_recommendation (dimension_id, course_id, module_id, position)
       SELECT d.id, r.course_id, r.module_id, r.position
         FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::int[]) AS r(key, course_id, module_id, position)
         JOIN dgca_dimension d ON d.version_id = $1 AND d.key = r.key`,
      [
        versionId,
        recommendations.map((r) => r.key),
        recommendations.map((r) => r.courseId),
        recommendations.map((r) => r.moduleId),
        recommendations.map((r) => r.position),
      ],
    );
}

/** Copies one version's scale, dimensions, statements and recommendations into another (a new draft). */
export async function copyContent(
  tx: EntityManager,
  fromVersionId: string,
  toVersionId: string,
): Promise<void> {
  await tx.query(
    `UPDATE dgca_framework_version t SET scale = f.scale, language = f.language
       FROM dgca_framework_version f WHERE t.id = $2 AND f.id = $1`,
    [fromVersionId, toVersionId],
  );
  await tx.query(
    `INSERT INTO dgca_dimension (version_id, key, position, name, description)
     SELECT $2, key, position, name, description FROM dgca_dimension WHERE version_id = $1`,
    [fromVersionId, toVersionId],
  );
  await tx.query(
    `INSERT INTO dgca_statement (dimension_id, position, text, guidance)
     SELECT nd.id, s.position, s.text, s.guidance
       FROM dgca_statement s
       JOIN dgca_dimension od ON od.id = s.dimension_id AND od.version_id = $1
       JOIN dgca_dimension nd ON nd.version_id = $2 AND nd.key = od.key`,
    [fromVersionId, toVersionId],
  );
  await tx.query(
    `INSERT INTO dgca_recommendation (dimension_id, course_id, module_id, position)
     SELECT nd.id, r.course_id, r.module_id, r.position
       FROM dgca_recommendation r
       JOIN dgca_dimension od ON od.id = r.dimension_id AND od.version_id = $1
       JOIN dgca_dimension nd ON nd.version_id = $2 AND nd.key = od.key`,
    [fromVersionId, toVersionId],
  );
}

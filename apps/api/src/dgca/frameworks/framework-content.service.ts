import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FrameworkContent, ContentDimension, Recommendation } from './framework-content.js';
import type { VersionStatus } from './framework-version.entity.js';
import type { ScaleLevel } from './scale.js';

interface VersionRow {
  versionId: string;
  frameworkId: string;
  frameworkName: string;
  number: number;
  status: VersionStatus;
  language: string;
  revision: number;
  publishedAt: Date | null;
  scale: ScaleLevel[];
}

interface ContentRow {
  dimensionId: string;
  key: string;
  name: string;
  description: string;
  dimensionPosition: number;
  statementId: string | null;
  text: string | null;
  guidance: string | null;
  statementPosition: number | null;
}

interface RecommendationRow extends Recommendation {
  dimensionId: string;
}

/** Frozen content without the recommendations, whose course titles can change after publishing. */
type CachedContent = Omit<FrameworkContent, 'dimensions'> & {
  dimensions: Omit<ContentDimension, 'recommendations'>[];
};

/**
 * A framework version's scale, dimensions, statements and recommended modules, for the assessment,
 * results and action-plan parts. Published versions never change, so their structure is kept in
 * memory; recommendations are read each time because a course may be renamed or deleted.
 */
@Injectable()
export class FrameworkContentService {
  private readonly published = new Map<string, CachedContent>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The version's content, or null when there is no such version. */
  async content(
    versionId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<FrameworkContent | null> {
    const structure = this.published.get(versionId) ?? (await this.load(versionId, manager));
    if (!structure) return null;
    const recommendations = await this.recommendations(versionId, manager);
    return {
      ...structure,
      scale: structure.scale.map((level) => ({ ...level })),
      dimensions: structure.dimensions.map((dimension) => ({
        ...dimension,
        statements: dimension.statements.map((statement) => ({ ...statement })),
        recommendations: recommendations.get(dimension.id) ?? [],
      })),
    };
  }

  /** The framework's most recent published version, or null when none is published yet. */
  async latestPublished(
    frameworkId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<FrameworkContent | null> {
    const [row] = (await manager.query(
      `SELECT id FROM dgca_framework_version
        WHERE framework_id = $1 AND status = 'published'
        ORDER BY number DESC LIMIT 1`,
      [frameworkId],
    )) as { id: string }[];
    return row ? this.content(row.id, manager) : null;
  }

  /** The framework was renamed: its versions' cached content carries the old name. */
  forgetFramework(frameworkId: string): void {
    for (const [versionId, content] of this.published)
      if (content.frameworkId === frameworkId) this.published.delete(versionId);
  }

  private async load(versionId: string, manager: EntityManager): Promise<CachedContent | null> {
    const [version] = (await manager.query(
      `SELECT v.id AS "versionId", v.framework_id AS "frameworkId", f.name AS "frameworkName",
              v.number, v.status, v.language, v.revision, v.published_at AS "publishedAt", v.scale
         FROM dgca_framework_version v JOIN dgca_framework f ON f.id = v.framework_id
        WHERE v.id = $1`,
      [versionId],
    )) as VersionRow[];
    if (!version) return null;
    const rows = (await manager.query(
      `SELECT d.id AS "dimensionId", d.key, d.name, d.description, d.position AS "dimensionPosition",
              s.id AS "statementId", s.text, s.guidance, s.position AS "statementPosition"
         FROM dgca_dimension d LEFT JOIN dgca_statement s ON s.dimension_id = d.id
        WHERE d.version_id = $1
        ORDER BY d.position, d.key, s.position, s.id`,
      [versionId],
    )) as ContentRow[];
    const dimensions: CachedContent['dimensions'] = [];
    for (const row of rows) {
      let dimension = dimensions[dimensions.length - 1];
      if (dimension?.id !== row.dimensionId) {
        dimension = {
          id: row.dimensionId,
          key: row.key,
          name: row.name,
          description: row.description,
          position: row.dimensionPosition,
          statements: [],
        };
        dimensions.push(dimension);
      }
      if (row.statementId)
        dimension.statements.push({
          id: row.statementId,
          text: row.text ?? '',
          guidance: row.guidance ?? '',
          position: row.statementPosition ?? 0,
        });
    }
    const scale = [...(version.scale ?? [])]
      .map((level) => ({ value: level.value, label: level.label, description: level.description ?? '' }))
      .sort((a, b) => a.value - b.value);
    // Empty scales only exist on drafts; min/max of 0 keep the type simple and publishing refuses them.
    const content: CachedContent = {
      ...version,
      publishedAt: version.publishedAt ? new Date(version.publishedAt) : null,
      scale,
      min: scale[0]?.value ?? 0,
      max: scale[scale.length - 1]?.value ?? 0,
      dimensions,
      statementCount: dimensions.reduce((sum, dimension) => sum + dimension.statements.length, 0),
    };
    if (version.status === 'published') this.published.set(versionId, content);
    return content;
  }

  /**
   * Recommendations by dimension. Titles come from the course's latest published version (what
   * learners see), or from the draft when the course was never published.
   */
  private async recommendations(
    versionId: string,
    manager: EntityManager,
  ): Promise<Map<string, Recommendation[]>> {
    const rows = (await manager.query(
      `SELECT r.dimension_id AS "dimensionId", c.id AS "courseId", c.slug AS "courseSlug",
              COALESCE(cv.snapshot -> 'course' ->> 'title', c.title) AS "courseTitle",
              r.module_id AS "moduleId",
              CASE WHEN r.module_id IS NULL THEN NULL ELSE COALESCE(
                (SELECT m ->> 'title' FROM jsonb_array_elements(cv.snapshot -> 'modules') m
                  WHERE m ->> 'id' = r.module_id::text LIMIT 1),
                cm.title) END AS "moduleTitle"
         FROM dgca_recommendation r
         JOIN dgca_dimension d ON d.id = r.dimension_id
         JOIN course c ON c.id = r.course_id
         LEFT JOIN course_module cm ON cm.id = r.module_id
         LEFT JOIN LATERAL (
           SELECT snapshot FROM course_version WHERE course_id = c.id ORDER BY number DESC LIMIT 1
         ) cv ON true
        WHERE d.version_id = $1
        ORDER BY r.position, r.id`,
      [versionId],
    )) as RecommendationRow[];
    const byDimension = new Map<string, Recommendation[]>();
    for (const { dimensionId, ...recommendation } of rows) {
      const list = byDimension.get(dimensionId) ?? [];
      list.push(recommendation);
      byDimension.set(dimensionId, list);
    }
    return byDimension;
  }
}

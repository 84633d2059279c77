import type { EntityManager } from 'typeorm';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import { institutionsWhere, type AuthContext } from '../../auth/auth-context.js';
import type { FrameworkContent } from './framework-content.js';
import type {
  FrameworkLanguage,
  FrameworkSummary,
  FrameworkVersionRow,
  FrameworkVersionView,
} from './frameworks.dto.js';
import { DEFAULT_FRAMEWORK_ID } from './default-framework.js';

interface SummaryRow {
  id: string;
  name: string;
  description: string;
  publishedVersionId: string | null;
  publishedNumber: number | null;
  publishedAt: Date | null;
  draftVersionId: string | null;
  draftNumber: number | null;
  draftRevision: number | null;
  assessments: number;
}

/**
 * Whose assessments a count includes: every one for platform admins (null), else those of the
 * caller's institutions, so that a framework's page says nothing about other institutions' work.
 */
export type AssessmentScope = string[] | null;

export const assessmentScope = (auth: AuthContext): AssessmentScope =>
  auth.isPlatformAdmin ? null : institutionsWhere(auth, [InstitutionRole.InstitutionAdmin]);

/** Framework summaries, the default framework first then by name; one framework when `id` is given. */
export async function frameworkSummaries(
  manager: EntityManager,
  scope: AssessmentScope,
  id?: string,
): Promise<FrameworkSummary[]> {
  const rows = (await manager.query(
    `SELECT f.id, f.name, f.description,
            p.id AS "publishedVersionId", p.number AS "publishedNumber", p.published_at AS "publishedAt",
            d.id AS "draftVersionId", d.number AS "draftNumber", d.revision AS "draftRevision",
            (SELECT count(*)::int FROM dgca_assessment a
               JOIN dgca_framework_version v ON v.id = a.version_id
              WHERE v.framework_id = f.id
                AND ($3::uuid[] IS NULL OR a.institution_id = ANY($3::uuid[]))) AS assessments
       FROM dgca_framework f
       LEFT JOIN LATERAL (
         SELECT id, number, published_at FROM dgca_framework_version
          WHERE framework_id = f.id AND status = 'published' ORDER BY number DESC LIMIT 1
       ) p ON true
       LEFT JOIN dgca_framework_version d ON d.framework_id = f.id AND d.status = 'draft'
      WHERE $1::uuid IS NULL OR f.id = $1::uuid
      ORDER BY f.id = $2::uuid DESC, lower(f.name), f.id`,
    [id ?? null, DEFAULT_FRAMEWORK_ID, scope],
  )) as SummaryRow[];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    published:
      row.publishedVersionId && row.publishedNumber !== null && row.publishedAt
        ? {
            versionId: row.publishedVersionId,
            number: row.publishedNumber,
            publishedAt: new Date(row.publishedAt).toISOString(),
          }
        : null,
    draft:
      row.draftVersionId && row.draftNumber !== null && row.draftRevision !== null
        ? { versionId: row.draftVersionId, number: row.draftNumber, revision: row.draftRevision }
        : null,
    assessments: row.assessments,
  }));
}

/** Every version of a framework, newest first, with the assessments taken on each. */
export async function versionRows(
  manager: EntityManager,
  scope: AssessmentScope,
  frameworkId: string,
): Promise<FrameworkVersionRow[]> {
  const rows = (await manager.query(
    `SELECT v.id AS "versionId", v.number, v.status, v.published_at AS "publishedAt",
            (SELECT count(*)::int FROM dgca_assessment a
              WHERE a.version_id = v.id
                AND ($2::uuid[] IS NULL OR a.institution_id = ANY($2::uuid[]))) AS assessments
       FROM dgca_framework_version v
      WHERE v.framework_id = $1
      ORDER BY v.number DESC`,
    [frameworkId, scope],
  )) as (Omit<FrameworkVersionRow, 'publishedAt'> & { publishedAt: Date | null })[];
  return rows.map((row) => ({
    ...row,
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
  }));
}

export function versionView(content: FrameworkContent): FrameworkVersionView {
  return {
    id: content.versionId,
    frameworkId: content.frameworkId,
    frameworkName: content.frameworkName,
    number: content.number,
    status: content.status,
    revision: content.revision,
    language: content.language as FrameworkLanguage,
    scale: content.scale,
    dimensions: content.dimensions,
    publishedAt: content.publishedAt ? content.publishedAt.toISOString() : null,
  };
}

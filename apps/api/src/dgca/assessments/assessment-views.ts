import type { EntityManager } from 'typeorm';
import type { AssessmentStatus, AssessmentSubject } from './assessment.entity.js';
import type { AssessmentSummary, AssessmentView } from './assessments.dto.js';

/**
 * The Studio's summaries and views of assessments, read in one statement whatever their number.
 * `participants` counts every rater row, including those whose account was deleted since: their
 * anonymous ratings still count. Joins institution and the framework tables for names only.
 */
const STATEMENTS_OF_VERSION = `(SELECT count(*)::int FROM dgca_statement s JOIN dgca_dimension d ON d.id = s.dimension_id
                                  WHERE d.version_id = a.version_id)`;

export const SUMMARY_SELECT = `
  SELECT a.id, a.title, a.subject, a.country, a.status,
         i.id AS "institutionId", i.name AS "institutionName",
         f.id AS "frameworkId", f.name AS "frameworkName", v.id AS "versionId", v.number AS "versionNumber",
         to_char(a.starts_on, 'YYYY-MM-DD') AS "startsOn",
         to_char(a.individual_due_on, 'YYYY-MM-DD') AS "individualDueOn",
         to_char(a.consensus_on, 'YYYY-MM-DD') AS "consensusOn",
         a.created_at AS "createdAt", counts.total,
         counts.participants, counts."answeredAll"
    FROM dgca_assessment a
    JOIN institution i ON i.id = a.institution_id
    JOIN dgca_framework_version v ON v.id = a.version_id
    JOIN dgca_framework f ON f.id = v.framework_id
    CROSS JOIN LATERAL (
      SELECT t.total, count(p.id)::int AS participants,
             count(p.id) FILTER (WHERE t.total > 0 AND p.answered >= t.total)::int AS "answeredAll"
        FROM (SELECT ${STATEMENTS_OF_VERSION} AS total) t
        LEFT JOIN LATERAL (
          SELECT p.id, (SELECT count(*) FROM dgca_rating r WHERE r.participant_id = p.id) AS answered
            FROM dgca_participant p WHERE p.assessment_id = a.id
        ) p ON true
       GROUP BY t.total
    ) counts`;

export interface SummaryRow {
  id: string;
  title: string;
  subject: AssessmentSubject;
  country: string;
  status: AssessmentStatus;
  institutionId: string;
  institutionName: string;
  frameworkId: string;
  frameworkName: string;
  versionId: string;
  versionNumber: number;
  startsOn: string | null;
  individualDueOn: string | null;
  consensusOn: string | null;
  createdAt: Date;
  total: number;
  participants: number;
  answeredAll: number;
}

export const toSummary = (row: SummaryRow): AssessmentSummary => ({
  id: row.id,
  title: row.title,
  subject: row.subject,
  country: row.country,
  institution: { id: row.institutionId, name: row.institutionName },
  status: row.status,
  framework: {
    id: row.frameworkId,
    name: row.frameworkName,
    versionId: row.versionId,
    number: row.versionNumber,
  },
  startsOn: row.startsOn,
  individualDueOn: row.individualDueOn,
  consensusOn: row.consensusOn,
  participants: row.participants,
  answeredAll: row.answeredAll,
  createdAt: new Date(row.createdAt).toISOString(),
});

interface ViewRow extends SummaryRow {
  description: string;
  previousId: string | null;
  previousTitle: string | null;
  previousCompletedAt: Date | null;
  regionalOptIn: boolean;
  revision: number;
  invitees: number;
  submitted: number;
  individualOpenedAt: Date | null;
  consensusOpenedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The full view of one assessment; null when it does not exist. */
export async function assessmentView(db: EntityManager, id: string): Promise<AssessmentView | null> {
  const [row] = (await db.query(
    `SELECT s.*, a.description, a.regional_opt_in AS "regionalOptIn", a.revision,
            a.individual_opened_at AS "individualOpenedAt", a.consensus_opened_at AS "consensusOpenedAt",
            a.completed_at AS "completedAt", a.updated_at AS "updatedAt",
            prev.id AS "previousId", prev.title AS "previousTitle", prev.completed_at AS "previousCompletedAt",
            (SELECT count(*)::int FROM dgca_invitee x JOIN invitation v ON v.id = x.invitation_id
              WHERE x.assessment_id = a.id AND v.accepted_at IS NULL AND v.revoked_at IS NULL) AS invitees,
            (SELECT count(*)::int FROM dgca_participant p
              WHERE p.assessment_id = a.id AND p.submitted_at IS NOT NULL) AS submitted
       FROM (${SUMMARY_SELECT} WHERE a.id = $1) s
       JOIN dgca_assessment a ON a.id = s.id
       LEFT JOIN dgca_assessment prev ON prev.id = a.previous_assessment_id`,
    [id],
  )) as ViewRow[];
  if (!row) return null;
  return {
    ...toSummary(row),
    description: row.description,
    previous: row.previousId
      ? { id: row.previousId, title: row.previousTitle ?? '', completedAt: iso(row.previousCompletedAt) }
      : null,
    regionalOptIn: row.regionalOptIn,
    revision: row.revision,
    statements: row.total,
    invitees: row.invitees,
    submitted: row.submitted,
    individualOpenedAt: iso(row.individualOpenedAt),
    consensusOpenedAt: iso(row.consensusOpenedAt),
    completedAt: iso(row.completedAt),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

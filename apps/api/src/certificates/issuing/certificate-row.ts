import type { EntityManager } from 'typeorm';
import type { TemplateLanguage } from '../templates/certificate-template.js';
import type { CertificateState } from './certificate-status.js';

export type CertificateSource = 'automatic' | 'admin' | 'batch' | 'reissue';

/** One certificate as stored: what it says was copied in at issue. */
export interface CertificateRow {
  id: string;
  code: string;
  courseId: string;
  userId: string;
  enrolmentId: string | null;
  templateId: string;
  state: CertificateState;
  issueSource: CertificateSource;
  issueReason: string | null;
  learnerName: string;
  courseTitle: string;
  courseHours: number | null;
  institutionName: string;
  cohortName: string | null;
  language: TemplateLanguage;
  completedAt: Date;
  issuedAt: Date | null;
  issuedBy: string | null;
  expiresAt: Date | null;
  statusIndex: number;
  kid: string | null;
  credentialJws: string | null;
  declinedAt: Date | null;
  declineReason: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  revocationReasonPublic: boolean;
  supersededBy: string | null;
  supersededAt: Date | null;
  createdAt: Date;
}

/** The columns of CertificateRow, for queries on `certificate c`. */
export const CERTIFICATE_COLUMNS = `c.id, c.code, c.course_id AS "courseId", c.user_id AS "userId",
  c.enrolment_id AS "enrolmentId", c.template_id AS "templateId", c.state, c.issue_source AS "issueSource",
  c.issue_reason AS "issueReason", c.learner_name AS "learnerName", c.course_title AS "courseTitle",
  c.course_hours::float8 AS "courseHours", c.institution_name AS "institutionName", c.cohort_name AS "cohortName",
  c.language, c.completed_at AS "completedAt", c.issued_at AS "issuedAt", c.issued_by AS "issuedBy",
  c.expires_at AS "expiresAt", c.status_index::int8::float8 AS "statusIndex", c.kid, c.credential_jws AS "credentialJws",
  c.declined_at AS "declinedAt", c.decline_reason AS "declineReason", c.revoked_at AS "revokedAt",
  c.revocation_reason AS "revocationReason", c.revocation_reason_public AS "revocationReasonPublic",
  c.superseded_by AS "supersededBy", c.superseded_at AS "supersededAt", c.created_at AS "createdAt"`;

/** The certificate, locked for the caller's transaction when `lock` is set. */
export async function certificateRow(
  db: EntityManager,
  id: string,
  lock = false,
): Promise<CertificateRow | null> {
  const rows = (await db.query(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificate c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  )) as CertificateRow[];
  return rows[0] ?? null;
}

/** The learner's one live (pending or issued, not revoked or superseded) certificate of the course. */
export async function liveCertificateId(
  db: EntityManager,
  courseId: string,
  userId: string,
): Promise<string | null> {
  const rows = (await db.query(
    `SELECT id FROM certificate
      WHERE course_id = $1 AND user_id = $2 AND superseded_at IS NULL AND revoked_at IS NULL AND state <> 'declined'`,
    [courseId, userId],
  )) as { id: string }[];
  return rows[0]?.id ?? null;
}

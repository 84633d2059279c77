import type { EntityManager } from 'typeorm';
import type { CertificateRow } from './certificate-row.js';

/** Only one live certificate per learner and course: the index a second insert runs into. */
const ONE_LIVE_CONFLICT = `(user_id, course_id) WHERE superseded_at IS NULL AND revoked_at IS NULL AND state <> 'declined'`;

/** The next bit of the revocation status lists, taken before signing: the credential names it. */
export async function nextStatusIndex(tx: EntityManager): Promise<number> {
  const [{ index }] = (await tx.query(`SELECT nextval('certificate_status_index')::float8 AS index`)) as [
    { index: number },
  ];
  return index;
}

/** A certificate as issuing (pending or signed) and re-issuing insert it: a row before any decision. */
export type NewCertificate = Omit<
  CertificateRow,
  | 'id'
  | 'state'
  | 'declinedAt'
  | 'declineReason'
  | 'revokedAt'
  | 'revocationReason'
  | 'revocationReasonPublic'
  | 'supersededBy'
  | 'supersededAt'
  | 'createdAt'
> & { state: 'pending' | 'issued' };

/**
 * Inserts the certificate and answers its id, or null when the learner already holds a live one
 * of the course: the one-live index settles two issues racing (completion, an administrator, a
 * batch) without an error, and the caller reports the winner.
 */
export async function insertCertificate(tx: EntityManager, c: NewCertificate): Promise<string | null> {
  const rows = (await tx.query(
    `INSERT INTO certificate (code, course_id, user_id, enrolment_id, template_id, state, issue_source,
       issue_reason, learner_name, course_title, course_hours, institution_name, cohort_name, language,
       completed_at, issued_at, issued_by, expires_at, status_index, kid, credential_jws)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     ON CONFLICT ${ONE_LIVE_CONFLICT} DO NOTHING
     RETURNING id`,
    [
      c.code,
      c.courseId,
      c.userId,
      c.enrolmentId,
      c.templateId,
      c.state,
      c.issueSource,
      c.issueReason,
      c.learnerName,
      c.courseTitle,
      c.courseHours,
      c.institutionName,
      c.cohortName,
      c.language,
      c.completedAt,
      c.issuedAt,
      c.issuedBy,
      c.expiresAt,
      c.statusIndex,
      c.kid,
      c.credentialJws,
    ],
  )) as { id: string }[];
  return rows[0]?.id ?? null;
}

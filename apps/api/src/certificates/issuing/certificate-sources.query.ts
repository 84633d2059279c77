import type { EntityManager } from 'typeorm';
import { likePattern } from '../../users/search.js';
import { CERTIFICATE_COLUMNS, type CertificateRow } from './certificate-row.js';
import { STATUS_SQL } from './certificate-status.js';

/**
 * The reads certificates make of other modules' tables (enrolment, user_account, course,
 * domain_event, cohort membership, and the templates module's certificate_template for a version number), kept in this one file: no module exports a service answering them without a
 * signed-in caller (issuing runs from an event, or for a learner an administrator names).
 * Read-only; certificates never write these tables.
 */

export interface EnrolmentFacts {
  enrolmentId: string;
  completedAt: Date | null;
}

export async function enrolmentOf(
  db: EntityManager,
  courseId: string,
  userId: string,
): Promise<EnrolmentFacts | null> {
  const rows = (await db.query(
    `SELECT id AS "enrolmentId", completed_at AS "completedAt" FROM enrolment WHERE course_id = $1 AND user_id = $2`,
    [courseId, userId],
  )) as EnrolmentFacts[];
  return rows[0] ?? null;
}

/** The name the learner gave their account: what the certificate says. */
export async function learnerNameOf(db: EntityManager, userId: string): Promise<string | null> {
  const rows = (await db.query(`SELECT display_name AS name FROM user_account WHERE id = $1`, [userId])) as {
    name: string;
  }[];
  return rows[0]?.name ?? null;
}

/** For the audit log's actor, when an action runs on someone's behalf (a batch). */
export async function emailOf(db: EntityManager, userId: string): Promise<string | null> {
  const rows = (await db.query(`SELECT email FROM user_account WHERE id = $1`, [userId])) as {
    email: string;
  }[];
  return rows[0]?.email ?? null;
}

export async function enrolledLearnerIds(db: EntityManager, courseId: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT user_id AS "userId" FROM enrolment WHERE course_id = $1 ORDER BY enrolled_at, id`,
    [courseId],
  )) as { userId: string }[];
  return rows.map((row) => row.userId);
}

/**
 * The cohort each learner's certificate of the course names: of the cohorts that include the course
 * and have the learner as a member, the one they joined last (a cohort batch names its own cohort,
 * `onlyCohortId`). Learners in none are absent. One query for a batch's chunk of learners.
 */
export async function cohortNamesOf(
  db: EntityManager,
  courseId: string,
  userIds: string[],
  onlyCohortId: string | null = null,
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = (await db.query(
    `SELECT DISTINCT ON (m.user_id) m.user_id AS "userId", k.name
       FROM cohort_member m
       JOIN cohort_course cc ON cc.cohort_id = m.cohort_id AND cc.course_id = $1
       JOIN cohort k ON k.id = m.cohort_id
      WHERE m.user_id = ANY($2::uuid[]) AND ($3::uuid IS NULL OR m.cohort_id = $3)
      ORDER BY m.user_id, m.added_at DESC, k.id`,
    [courseId, userIds, onlyCohortId],
  )) as { userId: string; name: string }[];
  return new Map(rows.map((row) => [row.userId, row.name]));
}

/**
 * The members of a cohort, for a batch issuing to that cohort only: those enrolled in the course
 * first (in enrolment order), then any who are not, so the report says why they got nothing.
 */
export async function cohortLearnerIds(
  db: EntityManager,
  courseId: string,
  cohortId: string,
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT m.user_id AS "userId"
       FROM cohort_member m LEFT JOIN enrolment e ON e.user_id = m.user_id AND e.course_id = $1
      WHERE m.cohort_id = $2
      ORDER BY e.enrolled_at NULLS LAST, e.id, m.added_at, m.user_id`,
    [courseId, cohortId],
  )) as { userId: string }[];
  return rows.map((row) => row.userId);
}

export interface EligibleLearner {
  userId: string;
  name: string;
  email: string;
  completedAt: Date | null;
  certificateId: string | null;
}

/** The course's learners with their completion and live certificate, for the "issue for one" picker. */
export async function eligibleLearners(
  db: EntityManager,
  courseId: string,
  query: string | undefined,
  limit: number,
): Promise<EligibleLearner[]> {
  return (await db.query(
    `SELECT e.user_id AS "userId", u.display_name AS name, u.email, e.completed_at AS "completedAt",
            (SELECT c.id FROM certificate c
              WHERE c.user_id = e.user_id AND c.course_id = e.course_id
                AND c.superseded_at IS NULL AND c.revoked_at IS NULL AND c.state <> 'declined') AS "certificateId"
       FROM enrolment e JOIN user_account u ON u.id = e.user_id
      WHERE e.course_id = $1 AND ($2::text IS NULL OR u.display_name ILIKE $2 OR u.email ILIKE $2)
      ORDER BY e.completed_at DESC NULLS LAST, u.display_name, u.id
      LIMIT $3`,
    [courseId, query ? likePattern(query) : null, limit],
  )) as EligibleLearner[];
}

export interface MissedCompletion {
  courseId: string;
  userId: string;
}

/**
 * Completions whose course.completed event has no certificate yet, for a course that gives them:
 * what a process stopped between the completion's commit and its listener left behind. Bounded,
 * oldest first, so a long outage is caught up over several starts rather than in one long query.
 */
export async function missedCompletions(db: EntityManager, limit: number): Promise<MissedCompletion[]> {
  return (await db.query(
    `SELECT e.course_id AS "courseId", e.user_id AS "userId"
       FROM domain_event d
       JOIN enrolment e ON e.id = d.subject_id AND e.completed_at IS NOT NULL
       LEFT JOIN certificate_course_setting s ON s.course_id = e.course_id
      WHERE d.type = 'course.completed'
        AND COALESCE(s.enabled, true)
        AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.user_id = e.user_id AND c.course_id = e.course_id)
      ORDER BY d.id
      LIMIT $1`,
    [limit],
  )) as MissedCompletion[];
}

/** A certificate with what administrators see beside it: the account's e-mail, who issued it, the template version. */
export interface AdminCertificateRow extends CertificateRow {
  learnerEmail: string | null;
  issuedByName: string | null;
  templateVersion: number;
}

const ADMIN_SELECT = `SELECT ${CERTIFICATE_COLUMNS}, u.email AS "learnerEmail", b.display_name AS "issuedByName",
       t.version AS "templateVersion"
  FROM certificate c
  LEFT JOIN user_account u ON u.id = c.user_id
  LEFT JOIN user_account b ON b.id = c.issued_by
  JOIN certificate_template t ON t.id = c.template_id`;

export interface AdminListFilter {
  state?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function adminCertificatePage(
  db: EntityManager,
  courseId: string,
  filter: AdminListFilter,
): Promise<{ rows: AdminCertificateRow[]; total: number }> {
  const where = `c.course_id = $1
    AND ($2::text IS NULL OR c.state = $2)
    AND ($3::text IS NULL OR ${STATUS_SQL} = $3)
    AND ($4::text IS NULL OR c.learner_name ILIKE $4 OR u.email ILIKE $4 OR c.code = $5)`;
  const pattern = filter.q ? likePattern(filter.q) : null;
  const code = filter.q ? filter.q.replace(/[-\s]/g, '').toUpperCase() : null;
  const params = [courseId, filter.state ?? null, filter.status ?? null, pattern, code];
  const [rows, counted] = await Promise.all([
    db.query(`${ADMIN_SELECT} WHERE ${where} ORDER BY c.created_at DESC, c.id LIMIT $6 OFFSET $7`, [
      ...params,
      filter.pageSize,
      (filter.page - 1) * filter.pageSize,
    ]) as Promise<AdminCertificateRow[]>,
    db.query(
      `SELECT count(*)::int AS total FROM certificate c LEFT JOIN user_account u ON u.id = c.user_id WHERE ${where}`,
      params,
    ) as Promise<{ total: number }[]>,
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

export async function adminCertificate(db: EntityManager, id: string): Promise<AdminCertificateRow | null> {
  const rows = (await db.query(`${ADMIN_SELECT} WHERE c.id = $1`, [id])) as AdminCertificateRow[];
  return rows[0] ?? null;
}

/** A learner's certificate with its course's address (the slug may have changed since issue). */
export interface LearnerCertificateRow extends CertificateRow {
  courseSlug: string;
}

export async function learnerCertificates(
  db: EntityManager,
  userId: string,
): Promise<LearnerCertificateRow[]> {
  return (await db.query(
    `SELECT ${CERTIFICATE_COLUMNS}, co.slug AS "courseSlug"
       FROM certificate c JOIN course co ON co.id = c.course_id
      WHERE c.user_id = $1
      ORDER BY c.created_at DESC, c.id`,
    [userId],
  )) as LearnerCertificateRow[];
}

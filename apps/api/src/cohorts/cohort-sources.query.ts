import type { EntityManager } from 'typeorm';

/**
 * The reads cohorts make of other modules' tables (course, course_module, user_account,
 * membership, institution), kept in this one file like certificates' sources: they are lists for
 * a set of ids, which no module's service answers. Two list queries also join them where they
 * page and search (CohortsService.list: institution and invitation for the name and counts;
 * CohortMembersService.list: user_account and invitation for names and addresses). Read-only:
 * cohorts write enrolments, memberships, invitations and profiles only through those modules'
 * services.
 */

export interface CourseFacts {
  id: string;
  slug: string;
  title: string;
  status: string;
  enrolmentMode: string;
  institutionId: string;
}

export async function coursesByIds(db: EntityManager, ids: readonly string[]): Promise<CourseFacts[]> {
  if (ids.length === 0) return [];
  return (await db.query(
    `SELECT id, slug, title, status, enrolment_mode AS "enrolmentMode", institution_id AS "institutionId"
       FROM course WHERE id = ANY($1::uuid[])`,
    [ids],
  )) as CourseFacts[];
}

export interface ModuleFacts {
  id: string;
  courseId: string;
  title: string;
  position: number;
}

export async function modulesOf(db: EntityManager, courseIds: readonly string[]): Promise<ModuleFacts[]> {
  if (courseIds.length === 0) return [];
  return (await db.query(
    `SELECT id, course_id AS "courseId", title, position FROM course_module
      WHERE course_id = ANY($1::uuid[]) ORDER BY course_id, position`,
    [courseIds],
  )) as ModuleFacts[];
}

export interface PersonFacts {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: string;
  status: string;
}

const PERSON_COLUMNS = `id, email, display_name AS "displayName", preferred_language AS "preferredLanguage", status`;

export async function peopleByIds(db: EntityManager, ids: readonly string[]): Promise<PersonFacts[]> {
  if (ids.length === 0) return [];
  return (await db.query(`SELECT ${PERSON_COLUMNS} FROM user_account WHERE id = ANY($1::uuid[])`, [
    ids,
  ])) as PersonFacts[];
}

/** Accounts with these e-mail addresses (compared lower-cased), deleted accounts left out. */
export async function peopleByEmails(db: EntityManager, emails: readonly string[]): Promise<PersonFacts[]> {
  if (emails.length === 0) return [];
  return (await db.query(
    `SELECT ${PERSON_COLUMNS} FROM user_account
      WHERE lower(email) = ANY($1::text[]) AND status <> 'deleted'`,
    [emails.map((email) => email.toLowerCase())],
  )) as PersonFacts[];
}

/** Of these people, those holding one of the roles in the institution. */
export async function withRoleIn(
  db: EntityManager,
  userIds: readonly string[],
  institutionId: string,
  roles: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = (await db.query(
    `SELECT user_id AS "userId" FROM membership
      WHERE user_id = ANY($1::uuid[]) AND institution_id = $2 AND role::text = ANY($3::text[])`,
    [userIds, institutionId, roles],
  )) as { userId: string }[];
  return rows.map((row) => row.userId);
}

export async function institutionName(db: EntityManager, id: string): Promise<string | null> {
  const [row] = (await db.query(`SELECT name FROM institution WHERE id = $1`, [id])) as { name: string }[];
  return row?.name ?? null;
}

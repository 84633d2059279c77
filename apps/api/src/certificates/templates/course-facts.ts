import type { EntityManager } from 'typeorm';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { AUTHOR_ROLES, courseNotFound } from '../../courses/course-scope.js';
import { inScope, scopeOf } from '../../users/admin-scope.js';
import type { TemplateLanguage } from './certificate-template.js';

/** What certificates need to know about a course. */
export interface CourseFacts {
  id: string;
  title: string;
  language: TemplateLanguage;
  hours: number | null;
  institutionId: string;
  institutionName: string;
}

/** Certificate administrators: the course institution's institution admins (and platform admins). */
export const CERTIFICATE_ADMIN_ROLES = [InstitutionRole.InstitutionAdmin];

/** The course with its institution's name, or null for an unknown id. */
export async function courseFacts(db: EntityManager, courseId: string): Promise<CourseFacts | null> {
  const rows: Array<{
    id: string;
    title: string;
    language: TemplateLanguage;
    hours: string | null;
    institution_id: string;
    institution_name: string;
  }> = await db.query(
    `SELECT c.id, c.title, c.language, c.estimated_hours AS hours, c.institution_id, i.name AS institution_name
       FROM course c JOIN institution i ON i.id = c.institution_id
      WHERE c.id = $1`,
    [courseId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    hours: row.hours === null ? null : Number(row.hours),
    institutionId: row.institution_id,
    institutionName: row.institution_name,
  };
}

/** The course if the caller holds one of the roles in its institution; 404 like an unknown id otherwise. */
async function courseInScope(
  db: EntityManager,
  courseId: string,
  auth: AuthContext,
  roles: InstitutionRole[],
): Promise<CourseFacts> {
  const course = await courseFacts(db, courseId);
  if (!course || !inScope(scopeOf(auth, roles), course.institutionId)) throw courseNotFound(courseId);
  return course;
}

/** The course if the caller authors it (its trainers and institution admins). */
export const authoredCourse = (db: EntityManager, courseId: string, auth: AuthContext) =>
  courseInScope(db, courseId, auth, AUTHOR_ROLES);

/** The course if the caller administers its certificates. */
export const administeredCourse = (db: EntityManager, courseId: string, auth: AuthContext) =>
  courseInScope(db, courseId, auth, CERTIFICATE_ADMIN_ROLES);

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { statusOf, type Cohort } from './cohort.entity.js';
import { coursesByIds, institutionName, modulesOf, peopleByIds } from './cohort-sources.query.js';
import type { CohortView } from './cohorts.dto.js';

/** A cohort as the Studio shows it: with its courses' modules (for deadlines), facilitators and counts. */
@Injectable()
export class CohortViews {
  async view(cohort: Cohort, canManage: boolean, db: EntityManager): Promise<CohortView> {
    const [courseRows, facilitatorRows, deadlines, [counts], institution] = await Promise.all([
      db.query(
        `SELECT course_id AS "courseId" FROM cohort_course WHERE cohort_id = $1 ORDER BY added_at, course_id`,
        [cohort.id],
      ) as Promise<{ courseId: string }[]>,
      db.query(`SELECT user_id AS "userId" FROM cohort_facilitator WHERE cohort_id = $1`, [
        cohort.id,
      ]) as Promise<{ userId: string }[]>,
      db.query(
        `SELECT course_id AS "courseId", module_id AS "moduleId", to_char(due_on, 'YYYY-MM-DD') AS "dueOn"
           FROM cohort_deadline WHERE cohort_id = $1 ORDER BY due_on, module_id`,
        [cohort.id],
      ) as Promise<{ courseId: string; moduleId: string; dueOn: string }[]>,
      db.query(
        `SELECT (SELECT count(*)::int FROM cohort_member WHERE cohort_id = $1) AS members,
                (SELECT count(*)::int FROM cohort_invitee x JOIN invitation v ON v.id = x.invitation_id
                  WHERE x.cohort_id = $1 AND v.accepted_at IS NULL AND v.revoked_at IS NULL) AS invitees`,
        [cohort.id],
      ) as Promise<{ members: number; invitees: number }[]>,
      institutionName(db, cohort.institutionId),
    ]);
    const courseIds = courseRows.map((row) => row.courseId);
    const [courses, modules, facilitators] = await Promise.all([
      coursesByIds(db, courseIds),
      modulesOf(db, courseIds),
      peopleByIds(
        db,
        facilitatorRows.map((row) => row.userId),
      ),
    ]);
    const byId = new Map(courses.map((course) => [course.id, course]));
    return {
      id: cohort.id,
      institution: { id: cohort.institutionId, name: institution ?? '' },
      name: cohort.name,
      description: cohort.description,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      enrolmentOpensAt: cohort.enrolmentOpensAt?.toISOString() ?? null,
      enrolmentClosesAt: cohort.enrolmentClosesAt?.toISOString() ?? null,
      status: statusOf(cohort),
      closedAt: cohort.closedAt?.toISOString() ?? null,
      version: cohort.version,
      courses: courseIds.flatMap((id) => {
        const course = byId.get(id);
        if (!course) return [];
        return [
          {
            id,
            slug: course.slug,
            title: course.title,
            modules: modules
              .filter((module) => module.courseId === id)
              .map((module) => ({ id: module.id, title: module.title, position: module.position })),
          },
        ];
      }),
      facilitators: facilitators
        .map((person) => ({ id: person.id, displayName: person.displayName, email: person.email }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      deadlines,
      memberCount: counts?.members ?? 0,
      inviteeCount: counts?.invitees ?? 0,
      canManage,
    };
  }
}

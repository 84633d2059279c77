import type { EntityManager } from 'typeorm';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { FieldError } from '../common/problem/problem-details.js';
import { invalidCohort } from './cohort-problems.js';
import { coursesByIds, modulesOf, peopleByIds, withRoleIn } from './cohort-sources.query.js';

/** What a cohort may hold, checked before writing so that every refusal names what is wrong. */

export interface Schedule {
  startsOn?: string | null;
  endsOn?: string | null;
  enrolmentOpensAt?: string | null;
  enrolmentClosesAt?: string | null;
}

export function validateSchedule(schedule: Schedule): void {
  const errors: FieldError[] = [];
  if (schedule.startsOn && schedule.endsOn && schedule.endsOn < schedule.startsOn) {
    errors.push({ field: 'endsOn', message: 'endsOn must not be before startsOn', in: 'body' });
  }
  if (
    schedule.enrolmentOpensAt &&
    schedule.enrolmentClosesAt &&
    new Date(schedule.enrolmentClosesAt) <= new Date(schedule.enrolmentOpensAt)
  ) {
    errors.push({
      field: 'enrolmentClosesAt',
      message: 'enrolmentClosesAt must be after enrolmentOpensAt',
      in: 'body',
    });
  }
  if (errors.length > 0) {
    throw invalidCohort(`The dates are out of order: ${errors.map((e) => e.message).join('; ')}.`, errors);
  }
}

/**
 * A cohort takes its institution's published courses (whatever their enrolment mode), and other
 * institutions' published courses that anyone may join (open or by invitation) — never another
 * institution's cohort-only course, nor a draft.
 */
export async function validateCourses(
  tx: EntityManager,
  institutionId: string,
  courseIds: readonly string[],
): Promise<void> {
  const found = new Map((await coursesByIds(tx, courseIds)).map((course) => [course.id, course]));
  const errors: FieldError[] = [];
  const reasons: string[] = [];
  courseIds.forEach((id, index) => {
    const course = found.get(id);
    let reason: string | null = null;
    // Another institution's draft is not named: its title is its authors' business.
    if (!course || (course.status !== 'published' && course.institutionId !== institutionId))
      reason = `there is no course ${id} that a cohort may take`;
    else if (course.status !== 'published') reason = `"${course.title}" is not published`;
    else if (course.institutionId !== institutionId && course.enrolmentMode === 'cohort')
      reason = `"${course.title}" is reserved for its own institution's cohorts`;
    if (reason) {
      reasons.push(reason);
      errors.push({ field: `courseIds.${index}`, message: reason, in: 'body' });
    }
  });
  if (errors.length > 0) {
    throw invalidCohort(
      `A cohort cannot take these courses: ${reasons.join('; ')}.`,
      errors,
      'course-not-allowed',
    );
  }
}

/** Facilitators are the institution's trainers or administrators. */
export async function validateFacilitators(
  tx: EntityManager,
  institutionId: string,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  const allowed = new Set(
    await withRoleIn(tx, userIds, institutionId, [InstitutionRole.Trainer, InstitutionRole.InstitutionAdmin]),
  );
  const refused = userIds.filter((id) => !allowed.has(id));
  if (refused.length === 0) return;
  // Named only when they belong to the institution: anyone else's name is not the caller's to learn.
  const members = new Set(await withRoleIn(tx, refused, institutionId, Object.values(InstitutionRole)));
  const people = new Map(
    (
      await peopleByIds(
        tx,
        refused.filter((id) => members.has(id)),
      )
    ).map((person) => [person.id, person]),
  );
  const errors = userIds.flatMap((id, index) =>
    allowed.has(id)
      ? []
      : [
          {
            field: `facilitatorIds.${index}`,
            message: 'not a trainer or administrator of the institution',
            in: 'body' as const,
          },
        ],
  );
  const names = refused.map((id) => people.get(id)?.displayName ?? id);
  throw invalidCohort(
    `Facilitators must be trainers or administrators of the cohort's institution; ${names.join(', ')} ${
      names.length === 1 ? 'is' : 'are'
    } not.`,
    errors,
    'facilitator-not-allowed',
  );
}

/** Each deadline is for a module of one of the cohort's courses, at most one per module. */
export async function validateDeadlines(
  tx: EntityManager,
  courseIds: readonly string[],
  deadlines: readonly { courseId: string; moduleId: string; dueOn: string }[],
): Promise<void> {
  const modules = new Map((await modulesOf(tx, courseIds)).map((module) => [module.id, module]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  deadlines.forEach((deadline, index) => {
    const module = modules.get(deadline.moduleId);
    if (!courseIds.includes(deadline.courseId)) {
      errors.push({
        field: `deadlines.${index}.courseId`,
        message: 'not a course of this cohort',
        in: 'body',
      });
    } else if (!module || module.courseId !== deadline.courseId) {
      errors.push({
        field: `deadlines.${index}.moduleId`,
        message: 'not a module of that course',
        in: 'body',
      });
    } else if (seen.has(deadline.moduleId)) {
      errors.push({
        field: `deadlines.${index}.moduleId`,
        message: 'a second deadline for the same module',
        in: 'body',
      });
    }
    seen.add(deadline.moduleId);
  });
  if (errors.length > 0) {
    throw invalidCohort(
      `Some deadlines do not fit the cohort: ${errors.map((e) => `${e.field} is ${e.message}`).join('; ')}.`,
      errors,
      'deadline-not-allowed',
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EnrolmentSource } from './enrolment.entity.js';

export interface CreatedEnrolment {
  userId: string;
  courseId: string;
}

/**
 * Enrolments made because someone joined a cohort (the cohorts module decides who and which
 * courses; this module owns the enrolment rows). Set-based, so that enrolling an imported file of
 * thousands of people in a few courses is one statement.
 */
@Injectable()
export class CohortEnrolmentsService {
  /**
   * Enrols every person in every course that is published, on its latest version, inside the
   * caller's transaction. People already enrolled keep their enrolment (and its version and
   * progress) untouched. Returns the enrolments created.
   */
  async enrol(
    userIds: readonly string[],
    courseIds: readonly string[],
    tx: EntityManager,
  ): Promise<CreatedEnrolment[]> {
    if (userIds.length === 0 || courseIds.length === 0) return [];
    return (await tx.query(
      `WITH latest AS (
         SELECT DISTINCT ON (course_id) course_id, version_id
           FROM course_version_outline
          WHERE course_id = ANY($2::uuid[]) AND course_status = 'published'
          ORDER BY course_id, number DESC
       )
       INSERT INTO enrolment (course_id, user_id, version_id, source)
       SELECT latest.course_id, person.user_id, latest.version_id, $3
         FROM unnest($1::uuid[]) AS person (user_id) CROSS JOIN latest
       ON CONFLICT (user_id, course_id) DO NOTHING
       RETURNING user_id AS "userId", course_id AS "courseId"`,
      [userIds, courseIds, EnrolmentSource.Cohort],
    )) as CreatedEnrolment[];
  }
}

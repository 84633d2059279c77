import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type ScormCourseStatus = 'not_attempted' | 'incomplete' | 'completed' | 'passed' | 'failed';

export interface ScormStatusSummary {
  userId: string;
  courseId: string;
  status: ScormCourseStatus;
}

/**
 * SCORM standing of many learners in many courses at once, for dashboards (cohorts), in one query.
 * Each SCO counts by its latest attempt; the course's standing is the worst of them: a failed SCO
 * outranks one still incomplete (a launched SCO that reported nothing is incomplete), which
 * outranks passed, then completed. A learner who never launched a SCO of the course has no entry
 * (not attempted). Attempts are found through the courses' SCORM activities, which are indexed;
 * like the trainers' SCORM reports, it reads the enrolment an attempt belongs to for its learner and
 * course, since attempts are keyed by enrolment.
 */
@Injectable()
export class ScormStatusSummaries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forLearners(userIds: readonly string[], courseIds: readonly string[]): Promise<ScormStatusSummary[]> {
    if (userIds.length === 0 || courseIds.length === 0) return [];
    return this.db.query(
      `SELECT l.user_id AS "userId", l.course_id AS "courseId",
              CASE WHEN bool_or(l.success = 'failed') THEN 'failed'
                   WHEN bool_or(l.completion <> 'completed') THEN 'incomplete'
                   WHEN bool_or(l.success = 'passed') THEN 'passed'
                   ELSE 'completed' END AS status
         FROM (SELECT DISTINCT ON (a.enrolment_id, a.activity_id, a.sco_id)
                      e.user_id, e.course_id, a.completion_status AS completion, a.success_status AS success
                 FROM scorm_attempt a
                 JOIN enrolment e ON e.id = a.enrolment_id
                WHERE a.activity_id IN (SELECT pa.activity_id
                                          FROM published_activity pa
                                          JOIN course_version_outline v ON v.version_id = pa.version_id
                                         WHERE v.course_id = ANY($2::uuid[]) AND pa.kind = 'scorm')
                  AND e.user_id = ANY($1::uuid[]) AND e.course_id = ANY($2::uuid[])
                ORDER BY a.enrolment_id, a.activity_id, a.sco_id, a.number DESC) l
        GROUP BY l.user_id, l.course_id`,
      [userIds, courseIds],
    );
  }
}

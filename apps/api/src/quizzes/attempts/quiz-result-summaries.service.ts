import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One learner's quiz results in one course, over its submitted attempts. */
export interface QuizResultSummary {
  userId: string;
  courseId: string;
  /** Quizzes with at least one submitted attempt. */
  attemptedQuizIds: string[];
  /** Quizzes with a passed attempt (an attempt still to mark has not passed yet). */
  passedQuizIds: string[];
  /** The mean, over attempted quizzes, of each quiz's best score; whole percent. */
  bestScorePercent: number | null;
}

/**
 * Quiz results of many learners in many courses at once, for dashboards (cohorts): one query over
 * the attempts' read model, the course found through the courses module's version outline. The
 * attempts are found by the courses' quiz activities (indexed), not by learner (not indexed).
 */
@Injectable()
export class QuizResultSummaries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Only learners with a submitted attempt in a course have an entry for it. */
  async forLearners(userIds: readonly string[], courseIds: readonly string[]): Promise<QuizResultSummary[]> {
    if (userIds.length === 0 || courseIds.length === 0) return [];
    return this.db.query(
      `SELECT q.user_id AS "userId", q.course_id AS "courseId",
              array_agg(q.activity_id) AS "attemptedQuizIds",
              COALESCE(array_agg(q.activity_id) FILTER (WHERE q.passed), '{}') AS "passedQuizIds",
              floor(avg(q.best) * 100)::int AS "bestScorePercent"
         FROM (SELECT a.user_id, v.course_id, a.activity_id, max(a.score) AS best,
                      COALESCE(bool_or(a.passed), false) AS passed
                 FROM quiz_attempt_record a
                 JOIN course_version_outline v ON v.version_id = a.version_id
                WHERE a.activity_id IN (SELECT pa.activity_id
                                          FROM published_activity pa
                                          JOIN course_version_outline c ON c.version_id = pa.version_id
                                         WHERE c.course_id = ANY($2::uuid[]) AND pa.kind = 'quiz')
                  AND a.user_id = ANY($1::uuid[]) AND v.course_id = ANY($2::uuid[]) AND a.status = 'submitted'
                GROUP BY a.user_id, v.course_id, a.activity_id) q
        GROUP BY q.user_id, q.course_id`,
      [userIds, courseIds],
    );
  }
}

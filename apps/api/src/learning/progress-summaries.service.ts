import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublishedVersionsService, type VersionOutline } from '../courses/published-versions.service.js';
import { percentOf } from './progress-view.js';

/** One learner's standing in one course, for staff dashboards. */
export interface EnrolmentProgressSummary {
  userId: string;
  courseId: string;
  enrolmentId: string;
  /** The course's title as the learner's version has it. */
  courseTitle: string;
  enrolledAt: Date;
  completedAt: Date | null;
  /** The latest of the last visit and the last recorded progress; null when never opened. */
  lastActivityAt: Date | null;
  /** Whether the learner has opened anything in the course. */
  started: boolean;
  /** Whole percent of the required activities of their version completed (100 once completed). */
  progressPercent: number;
  /** Modules of their version whose required activities are all completed. */
  completedModuleIds: string[];
  /** Every module of their version, so that a deadline on a module they do not have is ignored. */
  moduleIds: string[];
  /** Their version's activities by kind: tells which of the quiz, SCORM and certificate columns apply. */
  activityIdsByKind: Record<string, string[]>;
}

interface Row {
  userId: string;
  courseId: string;
  enrolmentId: string;
  versionId: string;
  enrolledAt: Date;
  completedAt: Date | null;
  lastActivityAt: Date | null;
  progress: [string, 'started' | 'completed'][];
}

/**
 * Progress of many learners in many courses at once, for dashboards (cohorts): one query for the
 * enrolments with their activities' statuses, and the versions' outlines from the published
 * versions' cache, however many learners there are.
 */
@Injectable()
export class ProgressSummaries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: PublishedVersionsService,
  ) {}

  /** The enrolments of these learners in these courses; a learner not enrolled in a course has no entry. */
  async forLearners(
    userIds: readonly string[],
    courseIds: readonly string[],
  ): Promise<EnrolmentProgressSummary[]> {
    if (userIds.length === 0 || courseIds.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT e.user_id AS "userId", e.course_id AS "courseId", e.id AS "enrolmentId",
              e.version_id AS "versionId", e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt",
              GREATEST(e.last_visited_at, p.updated) AS "lastActivityAt", p.progress
         FROM enrolment e
         CROSS JOIN LATERAL (
           SELECT max(ap.updated_at) AS updated,
                  COALESCE(json_agg(json_build_array(ap.activity_id, ap.status))
                             FILTER (WHERE ap.activity_id IS NOT NULL), '[]') AS progress
             FROM activity_progress ap WHERE ap.enrolment_id = e.id) p
        WHERE e.user_id = ANY($1::uuid[]) AND e.course_id = ANY($2::uuid[])`,
      [userIds, courseIds],
    )) as Row[];
    const outlines = await this.versions.outlines(rows.map((row) => row.versionId));
    return rows.map((row) => summarize(row, outlines.get(row.versionId)!));
  }
}

function summarize(row: Row, outline: VersionOutline): EnrolmentProgressSummary {
  const statuses = new Map(row.progress);
  const done = (id: string) => statuses.get(id) === 'completed';
  const completedRequired = outline.requiredIds.filter(done).length;
  const activityIdsByKind: Record<string, string[]> = {};
  for (const { activity } of outline.sequence) {
    (activityIdsByKind[activity.kind] ??= []).push(activity.id);
  }
  return {
    userId: row.userId,
    courseId: row.courseId,
    enrolmentId: row.enrolmentId,
    courseTitle: outline.course.title,
    enrolledAt: row.enrolledAt,
    completedAt: row.completedAt,
    lastActivityAt: row.lastActivityAt,
    started: statuses.size > 0 || row.lastActivityAt !== null,
    // A learner completed on an older version keeps their 100 after moving to a longer one.
    progressPercent:
      row.completedAt !== null ? 100 : percentOf(completedRequired, outline.requiredIds.length),
    completedModuleIds: outline.modules
      .filter((module) => module.activities.every((activity) => !activity.required || done(activity.id)))
      .map((module) => module.id),
    moduleIds: outline.modules.map((module) => module.id),
    activityIdsByKind,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PublishedVersionsService } from '../courses/published-versions.service.js';
import type { CourseCompletedPayload, DomainEvent } from '../events/domain-event.js';
import { CompletionService } from './completion.service.js';

export interface LearnerEnrolment {
  enrolmentId: string;
  versionId: string;
}

/** What completing an activity did; `events` are announced (`announce`) once the caller commits. */
export interface ActivityCompleted {
  /** False when it was completed already: completion is never undone nor repeated. */
  newlyCompleted: boolean;
  courseCompletedAt: Date | null;
  events: DomainEvent<CourseCompletedPayload>[];
}

/**
 * The learning module's door for activity kinds that complete themselves (a quiz completes when an
 * attempt meets its rules): they find the learner's enrolment and complete the activity through
 * here, never by touching enrolment or activity_progress themselves.
 */
@Injectable()
export class ActivityCompletion {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: PublishedVersionsService,
    private readonly completion: CompletionService,
  ) {}

  /** The learner's enrolment in the course with this slug, if any. */
  async learnerEnrolment(userId: string, slug: string): Promise<LearnerEnrolment | null> {
    const [row] = (await this.db.query(
      `SELECT e.id AS "enrolmentId", e.version_id AS "versionId"
         FROM enrolment e JOIN course_version_outline v ON v.version_id = e.version_id
        WHERE e.user_id = $1 AND v.slug = $2`,
      [userId, slug],
    )) as LearnerEnrolment[];
    return row ?? null;
  }

  /**
   * Marks the activity completed for the enrolment, inside the caller's transaction, and completes
   * the course when every required activity of the enrolment's version now is.
   */
  async completeActivity(
    tx: EntityManager,
    enrolmentId: string,
    activityId: string,
    at: Date,
  ): Promise<ActivityCompleted> {
    const [before] = (await tx.query(
      `SELECT status FROM activity_progress WHERE enrolment_id = $1 AND activity_id = $2 FOR UPDATE`,
      [enrolmentId, activityId],
    )) as { status: string }[];
    const [enrolment] = (await tx.query(
      `SELECT version_id AS "versionId", completed_at AS "completedAt" FROM enrolment WHERE id = $1`,
      [enrolmentId],
    )) as { versionId: string; completedAt: Date | null }[];
    if (!enrolment) return { newlyCompleted: false, courseCompletedAt: null, events: [] };
    if (before?.status === 'completed') {
      return { newlyCompleted: false, courseCompletedAt: enrolment.completedAt, events: [] };
    }
    await tx.query(
      `INSERT INTO activity_progress AS p (enrolment_id, activity_id, status, completed_at)
       VALUES ($1, $2, 'completed', $3)
       ON CONFLICT (enrolment_id, activity_id) DO UPDATE
          SET status = 'completed', completed_at = COALESCE(p.completed_at, EXCLUDED.completed_at),
              updated_at = now()`,
      [enrolmentId, activityId, at],
    );
    const outline = await this.versions.outline(enrolment.versionId);
    const events =
      enrolment.completedAt === null
        ? await this.completion.completeIn(tx, [enrolmentId], outline.requiredIds)
        : [];
    const courseCompletedAt = events[0] ? new Date(events[0].payload.completedAt) : enrolment.completedAt;
    return { newlyCompleted: true, courseCompletedAt, events };
  }

  /** Announces course completions once the transaction that made them has committed. */
  announce(completed: ActivityCompleted): Promise<void> {
    return this.completion.announce(completed.events);
  }
}

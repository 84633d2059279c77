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

/** One activity to mark completed for one enrolment. */
export interface ActivityToComplete {
  enrolmentId: string;
  activityId: string;
  at: Date;
}

interface CompletedRow {
  index: number;
  versionId: string;
  courseCompletedAt: Date | null;
  /** False when the activity was completed already. */
  newlyCompleted: boolean;
}

/**
 * Marks activities completed for enrolments that exist ($1 enrolments, $2 activities, $3 times; one
 * row per pair): a row completed already is left alone (the upsert's WHERE), so `done` holds only
 * those completed now. Answers, per input `index`, the enrolment's version and course completion.
 */
const COMPLETE_ACTIVITIES = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) WITH ORDINALITY AS x(enrolment_id, activity_id, at, i)
  ), done AS (
    INSERT INTO activity_progress AS p (enrolment_id, activity_id, status, completed_at)
    SELECT x.enrolment_id, x.activity_id, 'completed', x.at
      FROM input x JOIN enrolment e ON e.id = x.enrolment_id
     ORDER BY x.enrolment_id, x.activity_id
    ON CONFLICT (enrolment_id, activity_id) DO UPDATE
       SET status = 'completed', completed_at = COALESCE(p.completed_at, EXCLUDED.completed_at), updated_at = now()
     WHERE p.status <> 'completed'
    RETURNING p.enrolment_id, p.activity_id
  )
  SELECT x.i::int AS index, e.version_id AS "versionId", e.completed_at AS "courseCompletedAt",
         d.enrolment_id IS NOT NULL AS "newlyCompleted"
    FROM input x JOIN enrolment e ON e.id = x.enrolment_id
    LEFT JOIN done d ON d.enrolment_id = x.enrolment_id AND d.activity_id = x.activity_id`;

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

  /** The enrolment's progress on one activity: null until it is opened (or completed by its kind). */
  async activityStatus(enrolmentId: string, activityId: string): Promise<'started' | 'completed' | null> {
    const [row] = (await this.db.query(
      `SELECT status FROM activity_progress WHERE enrolment_id = $1 AND activity_id = $2`,
      [enrolmentId, activityId],
    )) as { status: 'started' | 'completed' }[];
    return row?.status ?? null;
  }

  /** The versions the person is enrolled on, in any course: what their learner's content may reach. */
  async enrolledVersionIds(userId: string): Promise<string[]> {
    const rows = (await this.db.query(`SELECT version_id AS "versionId" FROM enrolment WHERE user_id = $1`, [
      userId,
    ])) as { versionId: string }[];
    return rows.map((row) => row.versionId);
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
    const [completed] = await this.completeActivities(tx, [{ enrolmentId, activityId, at }]);
    return completed!;
  }

  /**
   * `completeActivity` for many at once (a batch of quiz submissions), answering one result per
   * item in order: one statement marks every activity completed, then one per course version
   * completes the enrolments that now have every required activity. An activity completed already
   * stays as it was (newlyCompleted: false), and a course completes once: its event goes with the
   * first item of that enrolment only, so it is announced once.
   */
  async completeActivities(
    tx: EntityManager,
    items: readonly ActivityToComplete[],
  ): Promise<ActivityCompleted[]> {
    // One row per (enrolment, activity): an upsert must not touch a row twice.
    const unique = new Map<string, { item: ActivityToComplete; index: number }>();
    const slotOf = items.map(({ enrolmentId, activityId, at }) => {
      const key = `${enrolmentId} ${activityId}`;
      let entry = unique.get(key);
      if (!entry) {
        entry = { item: { enrolmentId, activityId, at }, index: unique.size };
        unique.set(key, entry);
      }
      return entry.index;
    });
    if (unique.size === 0) return [];
    const inputs = [...unique.values()].map((entry) => entry.item);
    const rows = (await tx.query(COMPLETE_ACTIVITIES, [
      inputs.map((i) => i.enrolmentId),
      inputs.map((i) => i.activityId),
      inputs.map((i) => i.at),
    ])) as CompletedRow[];
    const byInput = new Array<CompletedRow | undefined>(inputs.length);
    for (const row of rows) byInput[row.index - 1] = row;

    // The enrolments that may complete their course now, by version (each has its required list).
    const candidates = new Map<string, Set<string>>();
    byInput.forEach((row, i) => {
      if (!row?.newlyCompleted || row.courseCompletedAt !== null) return;
      const ids = candidates.get(row.versionId) ?? new Set<string>();
      ids.add(inputs[i]!.enrolmentId);
      candidates.set(row.versionId, ids);
    });
    const courseEvents = new Map<string, DomainEvent<CourseCompletedPayload>>();
    for (const [versionId, enrolmentIds] of candidates) {
      const outline = await this.versions.outline(versionId);
      for (const event of await this.completion.completeIn(tx, [...enrolmentIds], outline.requiredIds)) {
        courseEvents.set(event.subjectId, event);
      }
    }

    const seen = new Set<number>();
    const announced = new Set<string>();
    return items.map(({ enrolmentId }, i): ActivityCompleted => {
      const input = slotOf[i]!;
      const row = byInput[input];
      if (!row) return { newlyCompleted: false, courseCompletedAt: null, events: [] };
      const event = courseEvents.get(enrolmentId);
      const newlyCompleted = row.newlyCompleted && !seen.has(input);
      seen.add(input);
      const events = event && newlyCompleted && !announced.has(enrolmentId) ? [event] : [];
      if (events.length > 0) announced.add(enrolmentId);
      return {
        newlyCompleted,
        courseCompletedAt: event ? new Date(event.payload.completedAt) : row.courseCompletedAt,
        events,
      };
    });
  }

  /** Announces course completions once the transaction that made them has committed. */
  announce(completed: ActivityCompleted | readonly ActivityCompleted[]): Promise<void> {
    const all: readonly ActivityCompleted[] = 'events' in completed ? [completed] : completed;
    return this.completion.announce(all.flatMap((c) => c.events));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { COURSE_COMPLETED, type CourseCompletedPayload, type DomainEvent } from '../events/domain-event.js';
import { DomainEvents } from '../events/domain-events.service.js';
import { COMPLETE_ENROLMENTS } from './learning-queries.js';

type CourseCompleted = DomainEvent<CourseCompletedPayload>;

/**
 * Course completion: an enrolment is complete when every required activity of its version is, and
 * it becomes so exactly once (the update only matches while completed_at is empty), with its
 * course.completed event written in the same transaction and announced after it commits.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** Completes the enrolment if every required activity is; returns when it was completed, if it is. */
  async complete(enrolmentId: string, requiredIds: readonly string[]): Promise<Date | null> {
    const events = await this.db.transaction((tx) => this.completeIn(tx, [enrolmentId], requiredIds));
    await this.announce(events);
    if (events[0]) return new Date(events[0].payload.completedAt);
    const [row] = (await this.db.query(`SELECT completed_at AS "completedAt" FROM enrolment WHERE id = $1`, [
      enrolmentId,
    ])) as { completedAt: Date | null }[];
    return row?.completedAt ?? null;
  }

  /** Inside the caller's transaction (moving learners to a version); announce the result after commit. */
  async completeIn(
    tx: EntityManager,
    enrolmentIds: readonly string[],
    requiredIds: readonly string[],
  ): Promise<CourseCompleted[]> {
    if (enrolmentIds.length === 0) return [];
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = (await tx.query(COMPLETE_ENROLMENTS, [enrolmentIds, requiredIds, requiredIds.length])) as [
      (Omit<CourseCompletedPayload, 'completedAt'> & { completedAt: Date })[],
      number,
    ];
    const events = rows.map((row): CourseCompleted => ({
      type: COURSE_COMPLETED,
      subjectId: row.enrolmentId,
      payload: { ...row, completedAt: row.completedAt.toISOString() },
    }));
    await this.events.recordAll(tx, events);
    return events;
  }

  announce(events: readonly CourseCompleted[]): Promise<void> {
    return this.events.announce(events);
  }
}

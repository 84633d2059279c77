import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query.js';
import type { QuestionRef } from '../bank/question-versions.service.js';

/** What never changes about an attempt once started: whose it is and which question each slot asks. */
export interface AttemptLayout {
  attemptId: string;
  userId: string;
  enrolmentId: string;
  activityId: string;
  versionId: string;
  slots: Map<number, QuestionRef & { maxPoints: number }>;
}

const MAX_CACHED = 20_000;

const LAYOUT = `
  SELECT a.id AS "attemptId", a.user_id AS "userId", a.enrolment_id AS "enrolmentId",
         a.activity_id AS "activityId", a.version_id AS "versionId",
         (SELECT json_agg(json_build_array(s.slot, s.question_id, s.question_version, s.max_points::float8))
            FROM quiz_attempt_slot s WHERE s.attempt_id = a.id) AS slots
    FROM quiz_attempt a WHERE a.id = $1`;

/**
 * Attempt layouts in memory, so that saving an answer costs one statement: the owner and the
 * slots' questions are checked here, status and deadline by the statement. A regrade that moves
 * slots to newer question versions calls `forget`.
 */
@Injectable()
export class AttemptLayouts {
  private readonly cache = new Map<string, AttemptLayout>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(attemptId: string): Promise<AttemptLayout | null> {
    const cached = this.cache.get(attemptId);
    if (cached) return cached;
    const [row] = await preparedQuery<
      Omit<AttemptLayout, 'slots'> & { slots: [number, string, number, number][] | null }
    >(this.db, 'quiz-attempt-layout', LAYOUT, [attemptId]);
    if (!row) return null;
    const layout: AttemptLayout = {
      ...row,
      slots: new Map(
        (row.slots ?? []).map(([slot, questionId, version, maxPoints]) => [
          slot,
          { questionId, version, maxPoints },
        ]),
      ),
    };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(attemptId, layout);
    return layout;
  }

  forget(attemptIds: readonly string[]): void {
    for (const id of attemptIds) this.cache.delete(id);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { PollingWorker } from '../../common/jobs/polling-worker.js';
import { CertificatesService, type IssueOutcome } from '../issuing/certificates.service.js';
import type { BatchOutcome } from './batch-view.js';

const POLL_MS = 3_000;
/** A running batch whose worker has not said anything for this long is taken over (it died). */
const STALE_AFTER_SECONDS = 60;
/** Learners between two counter and heartbeat updates. */
const CHUNK = 10;
/** Learners worked on at once: database round trips of one overlap the PDF drawing of another. */
const PARALLEL = 4;

interface ClaimedBatch {
  id: string;
  course_id: string;
  requested_by: string;
  reason: string;
  cohort_id: string | null;
}

/**
 * Works through certificate batches in this process, one at a time, claimed from PostgreSQL with
 * FOR UPDATE SKIP LOCKED so that several API processes share the queue without doubling work.
 * Each learner's outcome is an item row; a batch that was stopped (shutdown, crash) is resumed by
 * whoever claims it next, skipping the learners that already have an item. One learner's failure
 * is that learner's outcome, never the batch's. Between learners the loop yields to the event
 * loop, so the API keeps answering while a thousand certificates are drawn.
 */
@Injectable()
export class CertificateBatchWorker extends PollingWorker<ClaimedBatch> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly certificates: CertificatesService,
    adapterHost: HttpAdapterHost,
  ) {
    super(adapterHost, new Logger('CertificateBatches'), POLL_MS);
  }

  protected async run(batch: ClaimedBatch): Promise<boolean> {
    // Claimed while shutdown began: back to the queue at once, or it would stay "running"
    // until its heartbeat went stale (a minute) before anyone took it up.
    if (this.stopping) {
      await this.requeue(batch.id);
      return false;
    }
    await this.work(batch);
    return !this.stopping;
  }

  protected async claim(): Promise<ClaimedBatch | null> {
    if (this.stopping) return null;
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = (await this.db.query(
      `UPDATE certificate_batch
          SET status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
        WHERE id = (
          SELECT id FROM certificate_batch
           WHERE status = 'queued'
              OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $1))
           ORDER BY created_at
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
        RETURNING id, course_id, requested_by, reason, cohort_id`,
      [STALE_AFTER_SECONDS],
    )) as [ClaimedBatch[], number];
    return rows[0] ?? null;
  }

  private async work(batch: ClaimedBatch): Promise<void> {
    try {
      const learners = batch.cohort_id
        ? await this.certificates.cohortLearnerIds(batch.course_id, batch.cohort_id)
        : await this.certificates.enrolledLearnerIds(batch.course_id);
      const doneRows: Array<{ user_id: string }> = await this.db.query(
        `SELECT user_id FROM certificate_batch_item WHERE batch_id = $1`,
        [batch.id],
      );
      const done = new Set(doneRows.map((row) => row.user_id));
      const todo = learners.filter((id) => !done.has(id));
      await this.db.query(`UPDATE certificate_batch SET total = $2, heartbeat_at = now() WHERE id = $1`, [
        batch.id,
        done.size + todo.length,
      ]);
      for (let start = 0; start < todo.length; start += CHUNK) {
        if (this.stopping) {
          await this.requeue(batch.id);
          return;
        }
        const chunk = todo.slice(start, start + CHUNK);
        const cohortNames = await this.certificates.cohortNames(batch.course_id, chunk, batch.cohort_id);
        await this.inParallel(chunk, (userId) =>
          this.learner(batch, userId, cohortNames.get(userId) ?? null),
        );
        await this.count(batch.id);
      }
      await this.count(batch.id, `status = 'done', finished_at = now(),`);
      this.logger.log(`Certificate batch ${batch.id} done: ${todo.length} learners gone through`);
    } catch (error) {
      this.logger.error(`Certificate batch ${batch.id} failed: ${String(error)}`);
      await this.db
        .query(
          `UPDATE certificate_batch SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
          [batch.id, String(error).slice(0, 500)],
        )
        .catch(() => undefined);
    }
  }

  /** One learner: issue, draw the PDF of what was issued, record the outcome (failures included). */
  private async learner(batch: ClaimedBatch, userId: string, cohortName: string | null): Promise<void> {
    let result: { outcome: BatchOutcome; certificateId: string | null };
    try {
      const issued: IssueOutcome = await this.certificates.issue({
        courseId: batch.course_id,
        userId,
        source: 'batch',
        actorId: batch.requested_by,
        reason: batch.reason,
        cohortName,
      });
      result = {
        outcome: issued.outcome,
        certificateId: 'certificateId' in issued ? issued.certificateId : null,
      };
      if (issued.outcome === 'issued') {
        // The certificate stands without its file; a download draws a missing one again.
        await this.certificates.ensurePdf(issued.certificateId).catch((error: unknown) => {
          this.logger.warn(`PDF of certificate ${issued.certificateId} not stored: ${String(error)}`);
        });
      }
    } catch (error) {
      this.logger.error(`Certificate batch ${batch.id}, learner ${userId}: ${String(error)}`);
      result = { outcome: 'failed', certificateId: null };
    }
    await this.db.query(
      `INSERT INTO certificate_batch_item (batch_id, user_id, outcome, certificate_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (batch_id, user_id) DO NOTHING`,
      [batch.id, userId, result.outcome, result.certificateId],
    );
    await nextTurn();
  }

  /** Counters from the items (so a resumed batch counts right), and the heartbeat. */
  private async count(batchId: string, finish = ''): Promise<void> {
    await this.db.query(
      `UPDATE certificate_batch b SET ${finish}
         processed = s.processed, issued = s.issued, skipped = s.processed - s.issued, heartbeat_at = now()
         FROM (SELECT count(*)::int AS processed, (count(*) FILTER (WHERE outcome = 'issued'))::int AS issued
                 FROM certificate_batch_item WHERE batch_id = $1) s
        WHERE b.id = $1`,
      [batchId],
    );
  }

  /** Back to the queue on shutdown, so the next start (or another process) carries on at once. */
  private async requeue(batchId: string): Promise<void> {
    await this.count(batchId);
    await this.db.query(
      `UPDATE certificate_batch SET status = 'queued' WHERE id = $1 AND status = 'running'`,
      [batchId],
    );
  }

  private async inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < items.length) await work(items[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
  }
}

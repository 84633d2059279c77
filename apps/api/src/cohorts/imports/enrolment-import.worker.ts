import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PollingWorker } from '../../common/jobs/polling-worker.js';
import { EnrolmentImportJobs, JobStopped } from './enrolment-import-jobs.js';

const POLL_MS = 3_000;
/** A job whose process has not given a heartbeat for this long is taken over (that process died). */
export const STALE_AFTER_SECONDS = 60;

interface ClaimedJob {
  id: string;
  status: 'validating' | 'applying';
}

/**
 * Works through large imports in this process, one at a time: reading the rows of a file that was
 * uploaded (`validating`) and applying a confirmed one (`applying`). Jobs are claimed from
 * PostgreSQL with FOR UPDATE SKIP LOCKED, so several API processes share them; a job left by a
 * process that died (its heartbeat went stale) or stopped is taken up again from the start — a
 * validation re-reads the stored file, an apply was one transaction that rolled back. Only in
 * processes that serve HTTP (see servesHttp).
 */
@Injectable()
export class EnrolmentImportWorker extends PollingWorker<ClaimedJob> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: EnrolmentImportJobs,
    adapterHost: HttpAdapterHost,
  ) {
    super(adapterHost, new Logger('EnrolmentImports'), POLL_MS);
  }

  protected async run(job: ClaimedJob): Promise<boolean> {
    try {
      if (this.stopping) throw new JobStopped();
      if (job.status === 'validating') await this.jobs.validate(job.id, () => this.stopping);
      else await this.jobs.apply(job.id, undefined, () => this.stopping);
      return true;
    } catch (error) {
      if (!(error instanceof JobStopped)) throw error;
      // Back to the queue at once rather than after its heartbeat goes stale.
      await this.db.query(`UPDATE enrolment_import SET heartbeat_at = NULL WHERE id = $1`, [job.id]);
      return false;
    }
  }

  protected async claim(): Promise<ClaimedJob | null> {
    if (this.stopping) return null;
    const [rows] = (await this.db.query(
      `UPDATE enrolment_import SET heartbeat_at = now()
        WHERE id = (
          SELECT id FROM enrolment_import
           WHERE status IN ('validating', 'applying')
             AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $1))
           ORDER BY created_at
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
        RETURNING id, status`,
      [STALE_AFTER_SECONDS],
    )) as [ClaimedJob[], number];
    return rows[0] ?? null;
  }
}

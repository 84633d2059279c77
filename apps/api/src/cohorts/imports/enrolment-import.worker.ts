import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { servesHttp } from '../../common/http/serving-process.js';
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
export class EnrolmentImportWorker
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('EnrolmentImports');
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: EnrolmentImportJobs,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!servesHttp(this.adapterHost)) return;
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Starts working unless already at it; called when a large import arrives and by the poll. */
  kick(): void {
    if (this.stopping || this.draining || !this.timer) return;
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error(`Enrolment imports stopped: ${String(error)}`))
      .finally(() => {
        this.draining = null;
      });
  }

  /** Stops before the database closes: the current job is put back for the next start. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.beforeApplicationShutdown();
  }

  private async drain(): Promise<void> {
    for (let job = await this.claim(); job; job = await this.claim()) {
      try {
        if (this.stopping) throw new JobStopped();
        if (job.status === 'validating') await this.jobs.validate(job.id, () => this.stopping);
        else await this.jobs.apply(job.id, undefined, () => this.stopping);
      } catch (error) {
        if (!(error instanceof JobStopped)) throw error;
        // Back to the queue at once rather than after its heartbeat goes stale.
        await this.db.query(`UPDATE enrolment_import SET heartbeat_at = NULL WHERE id = $1`, [job.id]);
        return;
      }
    }
  }

  private async claim(): Promise<ClaimedJob | null> {
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

import type {
  BeforeApplicationShutdown,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { servesHttp } from '../http/serving-process.js';

/**
 * The life of an in-process worker for jobs kept in PostgreSQL: it polls (and can be kicked when
 * a job arrives), works through what it can claim one job at a time, and on shutdown stops before
 * the database closes, leaving the job it was on for the next claimer. Only processes that serve
 * HTTP work (a CLI run must not pick up jobs). Subclasses claim and run; claiming with
 * FOR UPDATE SKIP LOCKED and a heartbeat lets several processes share the queue.
 */
export abstract class PollingWorker<Job>
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  /** True once shutdown began: a running job should put itself back and return. */
  protected stopping = false;

  protected constructor(
    private readonly adapterHost: HttpAdapterHost,
    protected readonly logger: Logger,
    private readonly pollMs: number,
  ) {}

  /** The next job this process may take, or null when there is none. */
  protected abstract claim(): Promise<Job | null>;

  /** Works on one claimed job; false to stop draining (it was put back because of shutdown). */
  protected abstract run(job: Job): Promise<boolean>;

  onApplicationBootstrap(): void {
    if (!servesHttp(this.adapterHost)) return;
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Starts working unless already at it (or not a worker); called when a job arrives and by the poll. */
  kick(): void {
    if (this.stopping || this.draining || !this.timer) return;
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error(`Stopped working: ${String(error)}`))
      .finally(() => {
        this.draining = null;
      });
  }

  /** Stops before the database closes: the current job goes back for the next claimer. */
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
    while (!this.stopping) {
      const job = await this.claim();
      if (!job || !(await this.run(job))) return;
    }
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { ActivityCompletion } from '../../learning/activity-completion.service.js';
import { AttemptGrading } from './attempt-grading.service.js';

/** Attempts submitted per transaction-and-round before the sweeper yields to the next tick. */
const PER_TICK = 50;

/**
 * Submits open attempts whose time (deadline and grace) is up, every QUIZ_SWEEP_INTERVAL_MS. Each
 * attempt is claimed with FOR UPDATE SKIP LOCKED, so several API processes share the work and none
 * waits on an attempt a learner's own submit is handling.
 */
@Injectable()
export class AttemptSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttemptSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly grading: AttemptGrading,
    private readonly completion: ActivityCompletion,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().finally(() => (this.running = null));
    }, this.config.QUIZ_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round: submits up to PER_TICK overdue attempts, one transaction each; answers how many. */
  async sweep(): Promise<number> {
    let submitted = 0;
    try {
      for (; submitted < PER_TICK && this.timer !== null; submitted++) {
        const completed = await this.db.transaction(async (tx) => {
          const [due] = (await tx.query(
            `SELECT id FROM quiz_attempt
              WHERE status = 'open' AND deadline < now() - make_interval(secs => $1)
              ORDER BY deadline LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [this.config.QUIZ_GRACE_SECONDS],
          )) as { id: string }[];
          if (!due) return undefined;
          return this.grading.submitIn(tx, due.id, true);
        });
        if (completed === undefined) break;
        if (completed) await this.completion.announce(completed);
      }
    } catch (error) {
      // The next round tries again; a failing sweep must not take the process down.
      this.logger.error(`quiz attempt sweep failed: ${(error as Error).message}`);
    }
    return submitted;
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { AttemptGrading } from './attempt-grading.service.js';

/** Attempts submitted per round (one transaction); more wait for the next round. */
const PER_TICK = 50;

/**
 * Submits open attempts whose time (deadline and grace) is up, every QUIZ_SWEEP_INTERVAL_MS, through
 * the same submission as learners' (AttemptGrading). The attempts are claimed with FOR UPDATE SKIP
 * LOCKED, so several API processes share the work and none waits on an attempt a learner's own
 * submit is handling.
 */
@Injectable()
export class AttemptSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttemptSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly grading: AttemptGrading,
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

  /** One round: submits up to PER_TICK overdue attempts in one transaction; answers how many. */
  async sweep(): Promise<number> {
    if (this.timer === null) return 0;
    try {
      return await this.grading.submitDue(PER_TICK);
    } catch (error) {
      // The next round tries again; a failing sweep must not take the process down.
      this.logger.error(`quiz attempt sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}

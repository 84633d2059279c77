import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';

export interface Limit {
  /** What is limited and for whom, e.g. `sign-in:ip:203.0.113.5`. */
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every API replica sees the same counts. One statement
 * per check: concurrent attempts are counted exactly, never lost.
 */
@Injectable()
export class RateLimiter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts one attempt against each limit; throws 429 with Retry-After when any is exceeded. */
  async consume(...limits: Limit[]): Promise<void> {
    let retryAfterSeconds = 0;
    for (const limit of limits) {
      const [row] = (await this.db.query(
        `INSERT INTO rate_limit AS r (key, window_started_at, hits) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
           window_started_at = CASE WHEN r.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE r.window_started_at END
         RETURNING hits, ceil(extract(epoch FROM r.window_started_at + make_interval(secs => $2) - now()))::int AS retry_after`,
        [limit.key, limit.windowSeconds],
      )) as { hits: number; retry_after: number }[];
      if (row && row.hits > limit.max) retryAfterSeconds = Math.max(retryAfterSeconds, row.retry_after, 1);
    }
    if (retryAfterSeconds > 0) {
      throw new ProblemException({
        status: 429,
        type: ProblemType.TooManyRequests,
        detail: `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        extensions: { retryAfterSeconds },
      });
    }
  }

  /** Forgets the attempts counted under a key (after a successful sign-in, say). */
  async reset(key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit WHERE key = $1`, [key]);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

const PROBE_TIMEOUT_MS = 2000;

/**
 * Asks PostgreSQL whether it answers. Probes that arrive while one is in flight share its answer
 * (single flight): under a burst of load-balancer checks the database sees one query per round
 * trip, and every answer is at most one round trip old.
 */
@Injectable()
export class DatabaseProbe {
  private inFlight?: Promise<boolean>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  isUp(): Promise<boolean> {
    this.inFlight ??= this.probe().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async probe(): Promise<boolean> {
    // The driver's pool directly: a probe needs no TypeORM query runner.
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>(
      (resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)),
    );
    const ping = pool.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

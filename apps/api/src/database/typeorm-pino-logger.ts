import type { Logger as PinoLogger } from 'pino';
import type { Logger } from 'typeorm';

export const SLOW_QUERY_MS = 500;

/**
 * TypeORM's messages in the same JSON log as everything else. Failed and slow queries are logged
 * without their parameters, which may hold personal data.
 */
export class TypeOrmPinoLogger implements Logger {
  private readonly logger: PinoLogger;

  constructor(root: PinoLogger) {
    this.logger = root.child({ component: 'database' });
  }

  logQuery(query: string): void {
    this.logger.trace({ query }, 'query');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ query, error: error instanceof Error ? error.message : error }, 'Query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query, ms: time }, 'Slow query');
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

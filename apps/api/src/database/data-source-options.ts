import type { PoolClient } from 'pg';
import type { Logger as PinoLogger } from 'pino';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { SLOW_QUERY_MS, TypeOrmPinoLogger } from './typeorm-pino-logger.js';

/**
 * The one description of how the API talks to PostgreSQL: used by the app, the seed and the tests.
 * `onConnect` readies each pooled connection before its first use (the app makes them listen for
 * sign-in changes).
 */
export function dataSourceOptions(
  url: string,
  poolSize: number,
  logger: PinoLogger,
  onConnect?: (client: PoolClient) => Promise<void>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmPinoLogger(logger),
    maxQueryExecutionTime: SLOW_QUERY_MS,
    extra: { max: poolSize, connectionTimeoutMillis: 5000, application_name: 'archipelago-api', onConnect },
  };
}

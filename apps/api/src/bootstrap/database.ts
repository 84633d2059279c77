import { EmbeddedPostgres } from '@archipelago/embedded-db';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** DATABASE_URL when given; otherwise a real PostgreSQL started from the embedded binaries. */
export async function resolveDatabase(config: AppConfig, logger: Logger): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const dataDir = resolve(config.DATA_DIR);
  const server = new EmbeddedPostgres({
    dataDir,
    database: 'archipelago',
    onLog: (line) => logger.debug({ component: 'embedded-postgres' }, line),
  });
  const url = await server.start();
  logger.info({ dataDir }, 'Embedded PostgreSQL started');
  return { url, embedded: true, stop: () => server.stop() };
}

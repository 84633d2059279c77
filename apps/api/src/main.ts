import 'reflect-metadata';
import { createApp } from './bootstrap/create-app.js';
import { resolveDatabase, type ResolvedDatabase } from './bootstrap/database.js';
import { describeStartupFailure } from './bootstrap/startup-failure.js';
import { createLogger } from './common/logging/logger.js';
import { loadConfig } from './config/load-config.js';
import { SeedService } from './seed/seed.service.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  let database: ResolvedDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  try {
    database = await resolveDatabase(config, logger);
    app = await createApp({ config, databaseUrl: database.url, logger });
    if (config.SEED_DEMO_DATA) logger.info(await app.get(SeedService).run(), 'Demo data loaded');
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    throw Object.assign(error as object, { databaseUrl: config.DATABASE_URL });
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, embeddedDatabase: database.embedded }, `Archipelago is listening on port ${port}`);
  if (!config.SMTP_URL)
    logger.warn('SMTP_URL is not set: e-mail is kept in the outbox (Studio → Outbox), not sent');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing in-flight requests');
    const deadline = setTimeout(() => {
      logger.error('In-flight requests did not finish in time; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    await app.close(); // stops accepting, waits for in-flight requests, closes the pool
    await database.stop();
    clearTimeout(deadline);
    logger.info('Stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const reason = describeStartupFailure(error, (error as { databaseUrl?: string })?.databaseUrl);
  if (reason) {
    process.stderr.write(`archipelago-api: ${reason}\n`);
  } else {
    process.stderr.write(`archipelago-api: failed to start\n${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});

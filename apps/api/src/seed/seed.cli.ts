import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { resolveDatabase } from '../bootstrap/database.js';
import { describeStartupFailure } from '../bootstrap/startup-failure.js';
import { createLogger } from '../common/logging/logger.js';
import { NestPinoLogger } from '../common/logging/nest-logger.js';
import { Environment } from '../config/app-config.js';
import { loadConfig, StartupError } from '../config/load-config.js';
import { SeedService } from './seed.service.js';

/** `pnpm seed`: applies migrations and loads the demo data into the configured database, then exits. */
async function seed(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV === Environment.Production) {
    throw new StartupError('The demo seed does not run when NODE_ENV=production (its passwords are public).');
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = await resolveDatabase(config, logger);
  try {
    const context = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, databaseUrl: database.url, logger }),
      {
        logger: new NestPinoLogger(logger),
        abortOnError: false,
      },
    );
    const report = await context.get(SeedService).run();
    logger.info(report, 'Demo data loaded');
    await context.close();
  } finally {
    await database.stop();
  }
}

seed().catch((error: unknown) => {
  const reason = describeStartupFailure(error, process.env.DATABASE_URL);
  process.stderr.write(`archipelago-seed: ${reason ?? (error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module.js';
import { resolveDatabase } from '../bootstrap/database.js';
import { describeStartupFailure } from '../bootstrap/startup-failure.js';
import { createLogger } from '../common/logging/logger.js';
import { NestPinoLogger } from '../common/logging/nest-logger.js';
import { loadConfig, StartupError } from '../config/load-config.js';
import { PlatformAdminBootstrap } from './platform-admin-bootstrap.service.js';

const USAGE = 'usage: create-admin --email <address> [--name "<full name>"]';

/**
 * `pnpm --filter @archipelago/api run create-admin -- --email you@example.org --name "Your Name"`:
 * makes that person a platform administrator, creating the account (with a one-time password
 * printed here) when it does not exist yet.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email)) throw new StartupError(USAGE);
  const config = loadConfig();
  const logger = createLogger('warn', 'stderr');
  const database = await resolveDatabase(config, logger);
  try {
    const context = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, databaseUrl: database.url, logger }),
      { logger: new NestPinoLogger(logger), abortOnError: false },
    );
    const result = await context.get(PlatformAdminBootstrap).grant(values.email, values.name ?? values.email);
    await context.close();
    process.stdout.write(
      result.created
        ? `Created ${result.email} as a platform administrator.\nOne-time password: ${result.password}\nSign in and change it at once (Sign-in and security).\n`
        : `${result.email} is now a platform administrator.\n`,
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  const problem = (error as { problem?: { detail?: string } }).problem?.detail;
  const reason = problem ?? describeStartupFailure(error, process.env.DATABASE_URL);
  process.stderr.write(`archipelago-create-admin: ${reason ?? (error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig } from '../src/config/load-config.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The real application on the run's database, without the web apps, listening on no port. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!databaseUrl)
    throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (global-setup).');
  const config = loadConfig({ NODE_ENV: 'test', SERVE_WEB_APPS: 'false', DATABASE_URL: databaseUrl, ...env });
  const app = await createApp({
    config,
    databaseUrl,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  await app.getHttpAdapter().getInstance().ready();
  return { app, http: request(app.getHttpServer()), close: () => app.close() };
}

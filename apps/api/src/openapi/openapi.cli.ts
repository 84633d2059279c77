import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/load-config.js';
import { buildOpenApiDocument } from './openapi.js';

/**
 * Writes the OpenAPI document without a database: preview mode builds the module graph but
 * instantiates nothing, which is all the document needs. Usage: openapi.cli.js <output file>.
 */
async function main(): Promise<void> {
  const output = process.argv[2];
  if (!output) throw new Error('usage: openapi.cli.js <output.json>');
  const config = loadConfig({ NODE_ENV: 'test' });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      databaseUrl: 'postgres://unused@127.0.0.1/unused',
      logger: pino({ level: 'silent' }),
    }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  await writeFile(output, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});

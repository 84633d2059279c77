import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { LogController, type FastifyRequest } from 'fastify';
import { AppModule } from '../app.module.js';
import { registerCompression } from '../common/http/compression.js';
import { registerSecurityHeaders } from '../common/http/security-headers.js';
import { registerWebApps } from '../common/http/web-apps.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { sendProblem } from '../common/problem/send-problem.js';
import { registerMultipart } from '../files/multipart.js';
import { NestPinoLogger } from '../common/logging/nest-logger.js';
import { REQUEST_ID_HEADER, requestContext, requestIdFrom } from '../common/logging/request-context.js';
import { Environment, type AppConfig } from '../config/app-config.js';
import { buildOpenApiDocument, serveOpenApi } from '../openapi/openapi.js';

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
}

const trustProxySetting = (value: string): string | false =>
  value === 'false'
    ? false
    : value
        .split(',')
        .map((part) => part.trim())
        .join(',');

/**
 * What a request line logs as its address: never the query string (search terms, e-mail filters,
 * one-time tokens in links) and, for routes with parameters, the pattern rather than the values
 * (an invitation token is part of its path).
 */
function loggableUrl(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (pattern?.includes(':')) return pattern;
  return request.url.split('?')[0] ?? request.url;
}

const nulInAddress = () =>
  new ProblemException({
    status: 400,
    type: ProblemType.BadRequest,
    detail: 'The address contains a NUL character (%00), which no path or parameter may hold.',
  });

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Builds the whole HTTP application (not yet listening): used by main, the tests and the benchmarks. */
export async function createApp({
  config,
  databaseUrl,
  logger,
}: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: (request: IncomingMessage) => requestIdFrom(request.headers[REQUEST_ID_HEADER]),
    trustProxy: trustProxySetting(config.TRUST_PROXY),
    // Idle keep-alive sockets close at once on shutdown; busy ones finish their request first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // PostgreSQL text cannot hold a NUL: an address naming one would fail in the database, as a 500.
    if (/%00/i.test(request.url)) return sendProblem(nulInAddress(), request, reply);
    requestContext.run({ requestId: String(request.id) }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: loggableUrl(request),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl, logger }),
    adapter,
    {
      logger: new NestPinoLogger(logger),
      abortOnError: false,
      bufferLogs: false,
    },
  );
  app.setGlobalPrefix('api');
  registerSecurityHeaders(fastify, config.NODE_ENV === Environment.Production);
  await registerCompression(fastify);
  await fastify.register(fastifyCookie);
  await registerMultipart(fastify);
  serveOpenApi(app, buildOpenApiDocument(app));
  if (config.SERVE_WEB_APPS) {
    const appsDir = config.WEB_APPS_DIR ? resolve(config.WEB_APPS_DIR) : resolve(REPO_ROOT, 'apps');
    const served = await registerWebApps(fastify, [
      { prefix: '/', root: resolve(appsDir, 'learner/dist') },
      { prefix: '/studio/', root: resolve(appsDir, 'authoring/dist') },
    ]);
    if (served.length < 2) logger.warn({ appsDir }, 'Web apps not built; run the build to serve them');
  }
  await app.init();
  return app;
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ANY_ORIGIN } from './credentials.controller.js';
import { servesHttp } from '../../common/http/serving-process.js';
import { IssuerKeys } from './issuer-keys.service.js';

export const WELL_KNOWN_JWKS_PATH = '/.well-known/jwks.json';

/**
 * The JWKS also at the conventional /.well-known address, outside the /api prefix, for verifiers
 * that look there. Registered on Fastify directly (a Nest route would sit under /api); it serves
 * exactly what the public GET /api/credentials/jwks does. A fixed path is matched before the web
 * apps' catch-all, so the learner app never answers it.
 */
@Injectable()
export class WellKnownJwks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly keys: IssuerKeys,
  ) {}

  onModuleInit(): void {
    if (!servesHttp(this.adapterHost)) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get(WELL_KNOWN_JWKS_PATH, async (_request, reply) => {
      const jwks = await this.keys.jwks();
      return reply
        .header('cache-control', 'no-cache')
        .header('access-control-allow-origin', ANY_ORIGIN)
        .send(jwks);
    });
  }
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { RouteTable } from '../src/common/access/route-table.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('every route states who may call it', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('has an access rule with a reason on every route of the application', () => {
    const routes = t.app.get(RouteTable).routes();
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const route of routes) {
      const described = route.rule && (route.rule.kind !== 'public' || route.rule.reason.length > 10);
      expect({ route: `${route.method} ${route.path}`, described }).toEqual({
        route: `${route.method} ${route.path}`,
        described: true,
      });
    }
  });

  it('refuses to start while a route has no rule', async () => {
    @Controller('unruled')
    class UnruledController {
      @Get()
      open(): string {
        return 'should never be reachable';
      }
    }
    @Module({ imports: [DiscoveryModule], controllers: [UnruledController], providers: [RouteTable] })
    class UnruledModule {}
    const moduleRef = await Test.createTestingModule({ imports: [UnruledModule] }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false, abortOnError: false });
    app.setGlobalPrefix('api');
    await expect(app.init()).rejects.toThrow(/Routes without an access rule: GET \/api\/unruled/);
    await app.close().catch(() => undefined);
  });
});

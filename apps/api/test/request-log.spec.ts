import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig } from '../src/config/load-config.js';

describe('request log lines', () => {
  const lines: Record<string, unknown>[] = [];
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL!;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: 'test', SERVE_WEB_APPS: 'false', DATABASE_URL: databaseUrl });
    app = await createApp({ config, databaseUrl, logger: pino({ level: 'info' }, sink) });
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('names the request id once and never logs secrets from paths or query strings', async () => {
    const http = request(app.getHttpServer());
    await http.get('/api/invitations/invitation-token-that-must-not-leak').set('x-request-id', 'req-1');
    await http.get('/api/institutions?country=LC&q=someone@example.org').set('x-request-id', 'req-2');
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests.map((line) => [line.requestId, line.url])).toEqual([
      ['req-1', '/api/invitations/:token'],
      ['req-2', '/api/institutions'],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/invitation-token-that-must-not-leak|someone@example\.org/);
  });
});

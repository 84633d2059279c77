import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@archipelago/testing';
import pg from 'pg';
import { createTestApp, type TestApp } from './test-app.js';

describe('health checks', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('reports liveness with the version', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('reports ready when the database answers', async () => {
    const res = await t.http.get('/api/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', info: { database: { status: 'up' } } });
  });
});

describe('readiness when the database goes away', () => {
  let database: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await createTestApp({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await t.close();
    await database.drop().catch(() => undefined);
  });

  it('answers 503 problem+json, and liveness stays up', async () => {
    const admin = new pg.Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE ${pg.escapeIdentifier(database.name)} WITH (FORCE)`);
    await admin.end();
    const res = await t.http.get('/api/health/ready');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'urn:archipelago:problem:service-unavailable',
      info: { database: { status: 'down' } },
    });
    expect((await t.http.get('/api/health')).status).toBe(200);
  });
});

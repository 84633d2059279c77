import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './test-app.js';

describe('API documentation', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('publishes an OpenAPI 3 document with every route and the problem schema', async () => {
    const res = await t.http.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/health/ready', '/api/institutions', '/api/client-errors']),
    );
    expect(res.body.components.schemas.ProblemDetails.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status']),
    );
  });

  it('compresses larger responses for clients that accept it', async () => {
    const res = await t.http.get('/api/openapi.json').set('accept-encoding', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.openapi).toMatch(/^3\./);
  });

  it('serves browsable docs', async () => {
    const res = await t.http.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });
});

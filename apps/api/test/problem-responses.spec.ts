import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './test-app.js';

const PROBLEM = /^application\/problem\+json/;

describe('errors are RFC 9457 problem details', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('answers an unknown API route with 404 naming the path', async () => {
    const res = await t.http.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      type: 'urn:archipelago:problem:not-found',
      title: 'Not found',
      status: 404,
      instance: '/api/no-such-thing',
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers an address holding a NUL character with 400, never 500', async () => {
    for (const path of ['/api/me/learning/a%00b', '/api/courses?q=%00', '/api/health%00']) {
      const res = await t.http.get(path);
      expect({ path, status: res.status, type: res.body.type }).toEqual({
        path,
        status: 400,
        type: 'urn:archipelago:problem:bad-request',
      });
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const res = await t.http
      .post('/api/client-errors')
      .set('content-type', 'application/json')
      .send('{"app": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.type).toBe('urn:archipelago:problem:malformed-json');
    expect(res.body.detail).toBe('The request body is not valid JSON.');
  });

  it('answers an empty JSON body with 400', async () => {
    const res = await t.http.post('/api/client-errors').set('content-type', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:archipelago:problem:malformed-json');
  });

  it('answers a body over the limit with 413', async () => {
    const big = JSON.stringify({ app: 'learner', message: 'x'.repeat(2 * 1024 * 1024), path: '/' });
    const res = await t.http.post('/api/client-errors').set('content-type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('urn:archipelago:problem:payload-too-large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.http
      .post('/api/client-errors')
      .set('content-type', 'application/xml')
      .send('<report/>');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.type).toBe('urn:archipelago:problem:unsupported-media-type');
  });

  it('lists every invalid body field, with where it is', async () => {
    const res = await t.http
      .post('/api/client-errors')
      .send({ app: 'mobile', message: '', path: '/', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:archipelago:problem:validation-failed');
    const fields = (res.body.errors as { field: string; in: string }[])
      .map((e) => `${e.in}:${e.field}`)
      .sort();
    expect(fields).toEqual(['body:app', 'body:extra', 'body:message']);
  });

  it('lists invalid query parameters', async () => {
    const res = await t.http.get('/api/institutions?page=0&pageSize=500&country=Saint%20Lucia');
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { field: string; in: string }[]).map((e) => `${e.in}:${e.field}`);
    expect(new Set(fields)).toEqual(new Set(['query:page', 'query:pageSize', 'query:country']));
  });

  it('keeps a caller-supplied request id and replaces an unsafe one', async () => {
    const kept = await t.http.get('/api/health').set('x-request-id', 'lb-1234.abc');
    expect(kept.headers['x-request-id']).toBe('lb-1234.abc');
    const replaced = await t.http.get('/api/health').set('x-request-id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers with a content security policy', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

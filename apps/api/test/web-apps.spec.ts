import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from './test-app.js';

describe('serving the built web apps', () => {
  let t: TestApp;
  let appsDir: string;

  beforeAll(async () => {
    appsDir = await mkdtemp(join(tmpdir(), 'archipelago-apps-'));
    for (const app of ['learner', 'authoring']) {
      await mkdir(join(appsDir, app, 'dist', 'assets'), { recursive: true });
      await writeFile(join(appsDir, app, 'dist', 'index.html'), `<!doctype html><title>${app}</title>`);
      await writeFile(join(appsDir, app, 'dist', 'assets', `${app}-3f2a.js`), `console.log('${app}')`);
      // What scripts/precompress.mjs leaves beside each built file.
      const js = Buffer.from(`console.log('${app}')`);
      await writeFile(join(appsDir, app, 'dist', 'assets', `${app}-3f2a.js.br`), brotliCompressSync(js));
      await writeFile(join(appsDir, app, 'dist', 'assets', `${app}-3f2a.js.gz`), gzipSync(js));
    }
    t = await createTestApp({ SERVE_WEB_APPS: 'true', WEB_APPS_DIR: appsDir });
  });
  afterAll(async () => {
    await t.close();
    await rm(appsDir, { recursive: true, force: true });
  });

  it('serves the learner app at / and on its client-side routes, revalidated each time', async () => {
    for (const path of ['/', '/courses/innovation/lesson-2', '/verify/ABC123']) {
      const res = await t.http.get(path);
      expect({ path, status: res.status, body: res.text }).toEqual({
        path,
        status: 200,
        body: expect.stringContaining('<title>learner</title>'),
      });
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the studio under /studio, with or without the trailing slash', async () => {
    for (const path of ['/studio', '/studio/', '/studio/courses/new']) {
      const res = await t.http.get(path);
      expect({ path, body: res.text }).toEqual({
        path,
        body: expect.stringContaining('<title>authoring</title>'),
      });
    }
  });

  it('lets browsers keep content-hashed assets for a year', async () => {
    const res = await t.http.get('/assets/learner-3f2a.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const studio = await t.http.get('/studio/assets/authoring-3f2a.js');
    expect(studio.text).toBe("console.log('authoring')");
  });

  it('sends the precompressed file to browsers that accept it', async () => {
    const brotli = await t.http.get('/assets/learner-3f2a.js').set('accept-encoding', 'gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.text).toBe("console.log('learner')");
    const gzip = await t.http.get('/assets/learner-3f2a.js').set('accept-encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await t.http.get('/assets/learner-3f2a.js').set('accept-encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('answers a missing file with 404, not with the app page', async () => {
    const res = await t.http.get('/assets/learner-0000.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('never answers an unknown API path with the app page', async () => {
    for (const path of ['/api', '/api/', '/api/no-such-area']) {
      const res = await t.http.get(path);
      expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({
        path,
        status: 404,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
  });

  it('sends the content security policy with the pages', async () => {
    const res = await t.http.get('/');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

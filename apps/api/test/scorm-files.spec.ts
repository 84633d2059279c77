import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { SeedService } from '../src/seed/seed.service.js';
import { createInstitutionWithAdmin, demoInstitutionId } from './admin-fixtures.js';
import {
  enrolledScormLearner,
  scorm12SingleManifest,
  scormCourse,
  zipWithManifest,
} from './scorm-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

const MEDIA = randomBytes(64 * 1024);
const SCRIPT = 'window.answer = 42;\n'.repeat(200);

describe('SCORM package files: who may read them, and how they are served', () => {
  let t: TestApp;
  let root: string;
  let lc: string;
  let trainer: TestSession;
  let learner: TestSession;
  let stranger: TestSession;
  let otherAdmin: TestSession;
  let packageId: string;

  const filePath = (path: string, id = packageId) => `/api/scorm/packages/${id}/files/${path}`;
  /** Reads the body as bytes whatever its type. */
  const raw = (req: ReturnType<typeof call>) =>
    req.buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const get = (session: TestSession | undefined, path: string) => raw(call(t, session, 'get', path));

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-scorm-files-'));
    t = await createTestApp({ SCORM_DIR: root });
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    const zip = await zipWithManifest(scorm12SingleManifest(), [
      { name: 'index.html', data: '<!doctype html><title>SCO</title><p>Hello</p>' },
      { name: 'shared/style.css', data: 'body { color: black; }' },
      { name: 'shared/app.js', data: SCRIPT },
      { name: 'media/clip.mp4', data: MEDIA },
      { name: 'media/notes.unknownext', data: 'x' },
      { name: 'sco 1/page été.html', data: '<p>spaces and accents</p>' },
    ]);
    const course = await scormCourse(t, trainer, lc, zip);
    packageId = course.packageId;
    learner = await enrolledScormLearner(t, lc, course.slug);
    stranger = await enrolledScormLearner(
      t,
      lc,
      (await scormCourse(t, trainer, lc)).slug, // enrolled elsewhere only
    );
    const other = await createInstitutionWithAdmin(t, 'scorm-files');
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['shared/style.css', 'text/css; charset=utf-8'],
    ['shared/app.js', 'text/javascript; charset=utf-8'],
    ['imsmanifest.xml', 'application/xml; charset=utf-8'],
    ['media/clip.mp4', 'video/mp4'],
    ['media/notes.unknownext', 'application/octet-stream'],
    ['sco%201/page%20%C3%A9t%C3%A9.html', 'text/html; charset=utf-8'],
  ])('serves %s to an enrolled learner as %s', async (path, type) => {
    const res = await get(learner, filePath(path));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
  });

  it('serves the same bytes, compressed for clients that accept it', async () => {
    const media = await get(learner, filePath('media/clip.mp4'));
    expect(media.body as Buffer).toEqual(MEDIA);
    expect(media.headers['content-length']).toBe(String(MEDIA.length));
    const script = await get(learner, filePath('shared/app.js')).set('accept-encoding', 'identity');
    expect((script.body as Buffer).toString()).toBe(SCRIPT);
  });

  it('sends caching, type and framing headers: private immutable, nosniff, same-origin frames only', async () => {
    const res = await get(learner, filePath('index.html'));
    expect(res.headers).toMatchObject({
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'content-security-policy': "frame-ancestors 'self'",
      'accept-ranges': 'bytes',
    });
    expect(res.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Date(res.headers['last-modified']!).getTime()).not.toBeNaN();
    // No sandbox: the SCO must reach the runtime API on its parent page.
    expect(res.headers['content-security-policy']).not.toContain('sandbox');
    expect(res.headers['content-security-policy']).not.toContain('script-src');
  });

  it('answers 304 to a matching ETag or an unchanged date', async () => {
    const first = await get(learner, filePath('shared/style.css'));
    const etag = first.headers.etag!;
    const again = await get(learner, filePath('shared/style.css')).set('if-none-match', etag);
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(etag);
    const byDate = await get(learner, filePath('shared/style.css')).set(
      'if-modified-since',
      first.headers['last-modified']!,
    );
    expect(byDate.status).toBe(304);
    const stale = await get(learner, filePath('shared/style.css')).set('if-none-match', '"other"');
    expect(stale.status).toBe(200);
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const res = await get(learner, filePath('media/clip.mp4')).set('range', 'bytes=100-1099');
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-1099/${MEDIA.length}`);
    expect(res.headers['content-length']).toBe('1000');
    expect(res.body as Buffer).toEqual(MEDIA.subarray(100, 1100));

    const open = await get(learner, filePath('media/clip.mp4')).set('range', `bytes=${MEDIA.length - 10}-`);
    expect(open.status).toBe(206);
    expect(open.body as Buffer).toEqual(MEDIA.subarray(MEDIA.length - 10));

    const suffix = await get(learner, filePath('media/clip.mp4')).set('range', 'bytes=-16');
    expect(suffix.status).toBe(206);
    expect(suffix.body as Buffer).toEqual(MEDIA.subarray(MEDIA.length - 16));
  });

  it('answers 416 to a range past the end, and the whole file to a stale If-Range', async () => {
    const res = await get(learner, filePath('media/clip.mp4')).set('range', `bytes=${MEDIA.length}-`);
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${MEDIA.length}`);
    const stale = await get(learner, filePath('media/clip.mp4'))
      .set('range', 'bytes=0-9')
      .set('if-range', '"not-the-etag"');
    expect(stale.status).toBe(200);
    expect(stale.body as Buffer).toEqual(MEDIA);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await t.http.head(filePath('media/clip.mp4')).set('cookie', learner.cookie);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['content-length']).toBe(String(MEDIA.length));
  });

  it.each([
    ['../../etc/passwd', [400, 404]],
    ['..%2F..%2Fetc%2Fpasswd', [400]],
    ['%2e%2e/%2e%2e/etc/passwd', [400]],
    ['shared%5C..%5C..%5Cimsmanifest.xml', [400]],
    ['shared/%00.css', [400]],
    ['%E0%A4%A', [400]],
  ])('refuses the path %s', async (path, statuses) => {
    const res = await get(learner, filePath(path));
    expect(statuses).toContain(res.status);
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable');
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await get(learner, filePath('missing.html'))).status).toBe(404);
    expect((await get(learner, filePath('shared'))).status).toBe(404);
    expect((await get(learner, filePath('shared/'))).status).toBe(404);
    expect((await get(learner, filePath(''))).status).toBe(404);
  });

  it('keeps serving a version’s package after a newer upload; an unpublished upload is for its authors only', async () => {
    const course = await scormCourse(t, trainer, lc);
    const onFirst = await enrolledScormLearner(t, lc, course.slug);
    const newer = await call(t, trainer, 'post', `/api/studio/scorm/${course.activityId}/package`).attach(
      'file',
      await zipWithManifest(scorm12SingleManifest('Second edition'), [{ name: 'index.html', data: 'v2' }]),
      'v2.zip',
    );
    expect(newer.status).toBe(201);
    const newerFile = filePath('index.html', newer.body.id as string);
    expect((await get(trainer, newerFile)).status).toBe(200);
    expect((await get(onFirst, newerFile)).status).toBe(404);
    expect((await get(onFirst, filePath('index.html', course.packageId))).status).toBe(200);
  });

  it('lets the course’s authors preview, and hides the files from everyone else', async () => {
    expect((await get(trainer, filePath('index.html'))).status).toBe(200);
    const admin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    expect((await get(admin, filePath('index.html'))).status).toBe(200);
    expect((await get(stranger, filePath('index.html'))).status).toBe(404);
    expect((await get(otherAdmin, filePath('index.html'))).status).toBe(404);
    const demoLearner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    expect((await get(demoLearner, filePath('index.html'))).status).toBe(404);
    const anonymous: Response = await get(undefined, filePath('index.html'));
    expect(anonymous.status).toBe(401);
    expect((await get(learner, filePath('index.html', randomUUID()))).status).toBe(404);
    expect((await get(learner, filePath('index.html', 'not-a-uuid'))).status).toBe(400);
  });
});

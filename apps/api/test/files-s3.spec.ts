import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { FileMissingError } from '../src/files/file-storage.js';
import { S3Storage } from '../src/files/s3.storage.js';
import { SeedService } from '../src/seed/seed.service.js';
import { demoInstitutionId } from './admin-fixtures.js';
import { HTML, pdf, png } from './file-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The S3 storage against a real S3-compatible server (s3rver, run in this process on a free
 * port): the same SDK calls a deployment makes to MinIO, Ceph or AWS.
 */
describe('files: S3-compatible storage', () => {
  const BUCKET = 'archipelago-test';
  const PREFIX = 'uploads/';
  let server: S3rver;
  let endpoint: string;
  let directory: string;
  let t: TestApp;
  let lc: string;
  let trainer: TestSession;
  let s3: S3Client;

  const settings = () => ({
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });
  const keys = async () =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!).sort();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'archipelago-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ ...settings(), credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    t = await createTestApp({
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: PREFIX,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
  });
  afterAll(async () => {
    await t?.close();
    s3?.destroy();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('stores, reads and deletes objects; a missing one is FileMissingError', async () => {
    const storage = new S3Storage({ ...settings(), prefix: 'direct' });
    const staged = join(tmpdir(), `archipelago-s3-${process.pid}`);
    writeFileSync(staged, pdf());
    await storage.put('lc/one', { path: staged, byteSize: pdf().length, mediaType: 'application/pdf' });
    expect(await keys()).toContain('direct/lc/one');
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get('lc/one')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(pdf());
    await storage.delete('lc/one');
    expect(await keys()).not.toContain('direct/lc/one');
    await expect(storage.get('lc/one')).rejects.toBeInstanceOf(FileMissingError);
    rmSync(staged, { force: true });
    storage.close();
  });

  it('uploads through the API into the bucket and serves the object', async () => {
    const bytes = png(4, 4);
    const res = await call(t, trainer, 'post', `/api/studio/files?institutionId=${lc}`).attach(
      'file',
      bytes,
      {
        filename: 'cover.png',
        contentType: 'image/png',
      },
    );
    expect(res.status).toBe(201);
    expect(await keys()).toContain(`${PREFIX}${lc}/${res.body.id}`);
    const served = await t.http
      .get(res.body.url)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.body as Buffer).toEqual(bytes);
  });

  it('puts nothing in the bucket for a refused upload', async () => {
    const before = await keys();
    const res = await call(t, trainer, 'post', `/api/studio/files?institutionId=${lc}`).attach('file', HTML, {
      filename: 'x.png',
      contentType: 'image/png',
    });
    expect(res.status).toBe(415);
    expect(await keys()).toEqual(before);
  });
});

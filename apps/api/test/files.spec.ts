import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { receiveUpload } from '../src/files/receive-upload.js';
import { SeedService } from '../src/seed/seed.service.js';
import {
  auditActions,
  createInstitutionWithAdmin,
  createPerson,
  demoInstitutionId,
} from './admin-fixtures.js';
import { bigPng, GIF, HTML, JPEG, pdf, png, SVG, WEBP } from './file-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

const MB = 1024 * 1024;

describe('uploads as they arrive', () => {
  it('fail when the staging file cannot be written, instead of waiting for ever', async () => {
    const source = new PassThrough();
    const staging = join(tmpdir(), `files-missing-${randomUUID()}`);
    const received = receiveUpload(source, staging, { imageBytes: 10_000_000, pdfBytes: 10_000_000 });
    // Enough of an image to be recognised, so that the staging file is opened (in a folder that is not there).
    source.write(bigPng(8_000));
    await new Promise((resolve) => setTimeout(resolve, 100));
    source.end(Buffer.alloc(1_000));
    await expect(received).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('files: uploads and serving (local disk)', () => {
  let t: TestApp;
  let db: DataSource;
  let root: string;
  let lc: string;
  let trainer: TestSession;
  let platformAdmin: TestSession;
  let learner: TestSession;
  let otherAdmin: TestSession;
  let otherTrainer: TestSession;
  let otherInstitution: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-files-'));
    t = await createTestApp({ FILE_STORAGE_DIR: root });
    db = t.app.get(DataSource);
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    platformAdmin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const other = await createInstitutionWithAdmin(t, 'files');
    otherInstitution = other.institutionId;
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
    const person = await createPerson(
      t,
      { institutionId: otherInstitution, role: InstitutionRole.Trainer },
      'files-trainer',
    );
    otherTrainer = await signIn(t, person.email, person.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const upload = (
    session: TestSession | undefined,
    bytes: Buffer,
    filename: string,
    contentType = 'application/octet-stream',
    institutionId = lc,
  ) =>
    call(t, session, 'post', `/api/studio/files?institutionId=${institutionId}`).attach('file', bytes, {
      filename,
      contentType,
    });

  /** Everything the storage holds, staging included: nothing may be left by a refused upload. */
  const storedPaths = () =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  const fileRows = async () =>
    Number(((await db.query(`SELECT count(*)::int AS n FROM stored_file`)) as { n: number }[])[0]!.n);

  const expectNothingLeft = async (before: { paths: string[]; rows: number }) => {
    expect(storedPaths().sort()).toEqual(before.paths.sort());
    expect(await fileRows()).toBe(before.rows);
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
  };
  const snapshot = async () => ({ paths: storedPaths(), rows: await fileRows() });

  it.each([
    ['PNG', png(3, 2), 'diagram.png', 'image/png'],
    ['JPEG', JPEG, 'photo.jpg', 'image/jpeg'],
    ['GIF', GIF, 'spinner.gif', 'image/gif'],
    ['WebP', WEBP, 'banner.webp', 'image/webp'],
    ['PDF', pdf(), 'handout.pdf', 'application/pdf'],
  ])('stores a %s and serves the same bytes with its type', async (_name, bytes, filename, mediaType) => {
    const res = await upload(trainer, bytes, filename, mediaType);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      url: `/api/files/${res.body.id}`,
      mediaType,
      byteSize: bytes.length,
      originalName: filename,
      institutionId: lc,
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(root, lc, res.body.id))).toEqual(bytes);

    const served = await t.http
      .get(res.body.url)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe(mediaType);
    expect(served.headers['content-length']).toBe(String(bytes.length));
    expect(served.body as Buffer).toEqual(bytes);
  });

  it('serves files inert and cacheable for ever: nosniff, sandbox, immutable, ETag; images inline, PDFs as downloads', async () => {
    const image = await upload(trainer, png(), 'Mapa de Santa Lucía.png');
    const served = await t.http.get(image.body.url);
    expect(served.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${image.body.sha256}"`,
    });
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    expect(served.headers['content-disposition']).toBe(
      `inline; filename="Mapa de Santa Luc_a.png"; filename*=UTF-8''Mapa%20de%20Santa%20Luc%C3%ADa.png`,
    );

    const document = await upload(trainer, pdf(), 'notes');
    const download = await t.http.get(document.body.url);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="notes.pdf"; filename*=UTF-8''notes.pdf`,
    );

    const again = await t.http.get(image.body.url).set('if-none-match', `"${image.body.sha256}"`);
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(`"${image.body.sha256}"`);
  });

  it('answers 404 for an unknown id and 400 for one that is not a UUID', async () => {
    const missing = await t.http.get(`/api/files/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const bad = await t.http.get('/api/files/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'id', in: 'params' });
  });

  it('judges the type by content: a .png holding a PDF is stored as a PDF', async () => {
    const res = await upload(trainer, pdf(), 'looks-like.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.mediaType).toBe('application/pdf');
    const served = await t.http.get(res.body.url);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toContain('attachment; filename="looks-like.png.pdf"');
  });

  it.each([
    ['HTML named .png', HTML, 'innocent.png', 'image/png'],
    ['SVG', SVG, 'logo.svg', 'image/svg+xml'],
    ['HTML named .pdf', HTML, 'report.pdf', 'application/pdf'],
    [
      'a ZIP archive',
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(5000, 1)]),
      'x.zip',
      'application/zip',
    ],
  ])('refuses %s with 415 naming the field, storing nothing', async (_name, bytes, filename, contentType) => {
    const before = await snapshot();
    const res = await upload(trainer, bytes, filename, contentType);
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'urn:archipelago:problem:unsupported-media-type', status: 415 });
    expect(res.body.detail).toMatch(/PNG, JPEG, GIF or WebP images and PDF documents/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', in: 'body' })]);
    await expectNothingLeft(before);
  });

  it('says what a recognised but forbidden type is', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(5000, 1)]);
    const res = await upload(trainer, zip, 'slides.png');
    expect(res.status).toBe(415);
    expect(res.body.detectedType).toBe('application/zip');
    expect(res.body.detail).toMatch(/^The file's content is application\/zip/);
  });

  it('refuses an image over 5 MB and a PDF over 20 MB with 413 naming the limit, storing nothing', async () => {
    const before = await snapshot();
    const image = await upload(trainer, bigPng(5 * MB + 1), 'huge.png');
    expect(image.status).toBe(413);
    expect(image.body).toMatchObject({
      type: 'urn:archipelago:problem:payload-too-large',
      detail: 'The file is a PNG image larger than 5 MB, the limit for images.',
      limitBytes: 5 * MB,
      mediaType: 'image/png',
    });
    expect(image.body.errors).toEqual([{ field: 'file', message: 'file must be at most 5 MB', in: 'body' }]);

    const document = await upload(trainer, pdf(20 * MB), 'huge.pdf');
    expect(document.status).toBe(413);
    expect(document.body.detail).toBe(
      'The file is a PDF document larger than 20 MB, the limit for PDF documents.',
    );
    await expectNothingLeft(before);

    // Exactly at the limit is fine; and the connection still works after a refusal.
    const atLimit = await upload(trainer, bigPng(5 * MB), 'just-fits.png');
    expect(atLimit.status).toBe(201);
  });

  it('refuses a body that is not multipart (415), a missing file part or an empty file (422)', async () => {
    const before = await snapshot();
    const json = await call(t, trainer, 'post', `/api/studio/files?institutionId=${lc}`).send({ file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.detail).toMatch(/multipart\/form-data/);

    const noFile = await call(t, trainer, 'post', `/api/studio/files?institutionId=${lc}`).field('name', 'x');
    expect(noFile.status).toBe(422);
    expect(noFile.body.errors).toEqual([{ field: 'file', message: 'file is required', in: 'body' }]);

    const wrongName = await call(t, trainer, 'post', `/api/studio/files?institutionId=${lc}`).attach(
      'upload',
      png(),
      'a.png',
    );
    expect(wrongName.status).toBe(422);

    const empty = await upload(trainer, Buffer.alloc(0), 'empty.png');
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0]).toMatchObject({ field: 'file', message: 'file must not be empty' });

    const noInstitution = await call(t, trainer, 'post', '/api/studio/files').attach('file', png(), 'a.png');
    expect(noInstitution.status).toBe(400);
    expect(noInstitution.body.errors[0]).toMatchObject({ field: 'institutionId', in: 'query' });
    await expectNothingLeft(before);
  });

  it('lets authors of the institution and platform admins upload; nobody else', async () => {
    expect((await upload(trainer, png(), 'a.png')).status).toBe(201);
    expect((await upload(platformAdmin, png(), 'a.png')).status).toBe(201);
    expect((await upload(platformAdmin, png(), 'a.png', 'image/png', otherInstitution)).status).toBe(201);
    expect((await upload(otherTrainer, png(), 'a.png', 'image/png', otherInstitution)).status).toBe(201);
    expect((await upload(otherAdmin, png(), 'a.png', 'image/png', otherInstitution)).status).toBe(201);

    const before = await snapshot();
    expect((await upload(undefined, png(), 'a.png')).status).toBe(401);
    expect((await upload(learner, png(), 'a.png')).status).toBe(403);
    expect((await upload(otherTrainer, png(), 'a.png')).status).toBe(403);
    expect((await upload(otherAdmin, png(), 'a.png')).status).toBe(403);
    expect((await upload(trainer, png(), 'a.png', 'image/png', otherInstitution)).status).toBe(403);
    expect((await upload(platformAdmin, png(), 'a.png', 'image/png', randomUUID())).status).toBe(404);
    // A browser session must send its CSRF token.
    const noCsrf = await t.http
      .post(`/api/studio/files?institutionId=${lc}`)
      .set('cookie', trainer.cookie)
      .attach('file', png(), 'a.png');
    expect(noCsrf.status).toBe(403);
    await expectNothingLeft(before);
  });

  it('records the upload in the audit log and keeps a cleaned name', async () => {
    const res = await upload(trainer, png(), '../../etc/\u202epasswd.png');
    expect(res.status).toBe(201);
    expect(res.body.originalName).toBe('passwd.png');
    const [event] = await auditActions(t, res.body.id);
    expect(event).toMatchObject({
      action: 'file.uploaded',
      details: { mediaType: 'image/png', byteSize: png().length, name: 'passwd.png' },
    });
  });

  it('leaves no row and no staged copy when the storage cannot take the file', async () => {
    const { institutionId } = await createInstitutionWithAdmin(t, 'files-broken');
    // A plain file where the institution's folder should go: storing fails.
    writeFileSync(join(root, institutionId), 'in the way');
    const before = await snapshot();
    const res = await upload(platformAdmin, png(), 'a.png', 'image/png', institutionId);
    expect(res.status).toBe(500);
    await expectNothingLeft(before);
    expect(existsSync(join(root, institutionId))).toBe(true);
  });

  it('keeps bad data out at the database too', async () => {
    const insert = (fields: Record<string, unknown>) =>
      db.query(
        `INSERT INTO stored_file (institution_id, media_type, byte_size, sha256, original_name, storage_key)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          fields.institutionId ?? lc,
          fields.mediaType ?? 'image/png',
          fields.byteSize ?? 10,
          fields.sha256 ?? 'a'.repeat(64),
          fields.originalName ?? 'x.png',
          fields.storageKey ?? randomUUID(),
        ],
      );
    await expect(insert({ mediaType: 'image/svg+xml' })).rejects.toThrow(/check/);
    await expect(insert({ byteSize: 0 })).rejects.toThrow(/check/);
    await expect(insert({ sha256: 'nope' })).rejects.toThrow(/check/);
    await expect(insert({ originalName: '' })).rejects.toThrow(/check/);
    await expect(insert({ institutionId: randomUUID() })).rejects.toThrow(/foreign key/);
  });
});

describe('files: how many one person may upload', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-files-limit-'));
    t = await createTestApp({ FILE_STORAGE_DIR: root, UPLOADS_PER_HOUR: '2' });
    await t.app.get(SeedService).run();
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 429 with Retry-After past the hourly limit, before storing anything', async () => {
    const lc = await demoInstitutionId(t);
    // A trainer of their own: the limit counts per person, across every replica (in the database).
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Trainer }, 'uploader');
    const trainer = await signIn(t, person.email, person.password);
    const upload = () =>
      call(t, trainer, 'post', `/api/studio/files?institutionId=${lc}`).attach('file', png(), 'limit.png');
    expect((await upload()).status).toBe(201);
    expect((await upload()).status).toBe(201);
    const stored = readdirSync(join(root, lc));
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.type).toBe('urn:archipelago:problem:too-many-requests');
    expect(readdirSync(join(root, lc))).toEqual(stored);
  });
});

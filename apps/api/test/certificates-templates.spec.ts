import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { SeedService } from '../src/seed/seed.service.js';
import {
  auditActions,
  createInstitutionWithAdmin,
  createPerson,
  demoInstitutionId,
} from './admin-fixtures.js';
import { createCourse } from './course-fixtures.js';
import { GIF, JPEG, png } from './file-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

const content = (fields: Record<string, unknown> = {}) => ({
  title: 'Certificate of completion',
  body: '{{learnerName}} completed {{courseTitle}} ({{hours}}) on {{completionDate}} at {{institution}}{{cohort}}.',
  language: 'en',
  orientation: 'landscape',
  logoFileIds: [],
  signatories: [],
  ...fields,
});

describe('certificate settings and templates', () => {
  let t: TestApp;
  let root: string;
  let lc: string;
  let trainer: TestSession;
  let institutionAdmin: TestSession;
  let learner: TestSession;
  let otherTrainer: TestSession;
  let otherInstitution: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-cert-templates-'));
    t = await createTestApp({ FILE_STORAGE_DIR: root });
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    institutionAdmin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    otherInstitution = (await createInstitutionWithAdmin(t, 'cert-other')).institutionId;
    const other = await createPerson(
      t,
      { institutionId: otherInstitution, role: InstitutionRole.Trainer },
      'cert-trainer',
    );
    otherTrainer = await signIn(t, other.email, other.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const upload = async (bytes: Buffer, name: string, institutionId = lc, session = trainer) => {
    const res = await call(t, session, 'post', `/api/studio/files?institutionId=${institutionId}`).attach(
      'file',
      bytes,
      name,
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('creates the default template in the course language on first read, as version 1', async () => {
    const course = await createCourse(t, trainer, lc, { language: 'fr' });
    const first = await call(t, trainer, 'get', `/api/studio/courses/${course.id}/certificate-template`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      courseId: course.id,
      version: 1,
      title: 'Certificat de réussite',
      language: 'fr',
      orientation: 'landscape',
      logoFileIds: [],
      signatories: [],
      createdBy: null,
    });
    expect(first.body.body).toContain('{{learnerName}}');
    const again = await call(t, trainer, 'get', `/api/studio/courses/${course.id}/certificate-template`);
    expect(again.body.id).toBe(first.body.id);
  });

  it('saves versions n+1, lists them newest first, audits, and refuses a stale expectedVersion with 409', async () => {
    const course = await createCourse(t, trainer, lc);
    const path = `/api/studio/courses/${course.id}/certificate-template`;
    await call(t, trainer, 'get', path);
    const logo = await upload(png(20, 10), 'logo.png');
    const signature = await upload(JPEG, 'signature.jpg');
    const saved = await call(t, trainer, 'put', path).send({
      expectedVersion: 1,
      ...content({
        orientation: 'portrait',
        language: 'es',
        logoFileIds: [logo],
        signatories: [{ name: 'Dra. Núñez', title: 'Directora', signatureFileId: signature }],
      }),
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      version: 2,
      orientation: 'portrait',
      language: 'es',
      logoFileIds: [logo],
      signatories: [{ name: 'Dra. Núñez', title: 'Directora', signatureFileId: signature }],
      createdBy: { id: trainer.userId },
    });
    const stale = await call(t, institutionAdmin, 'put', path).send({ expectedVersion: 1, ...content() });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 2 });
    expect(stale.body.detail).toMatch(/version 1.*current one is 2/);
    const third = await call(t, institutionAdmin, 'put', path).send({ expectedVersion: 2, ...content() });
    expect(third.status).toBe(201);
    expect(third.body.version).toBe(3);

    const versions = await call(t, trainer, 'get', `${path}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const current = await call(t, trainer, 'get', path);
    expect(current.body.version).toBe(3);
    const audit = await auditActions(t, course.id);
    expect(audit.filter((a) => a.action === 'certificate_template.saved')).toHaveLength(2);
  });

  it('lets only one of two concurrent saves of the same version win; the other gets 409', async () => {
    const course = await createCourse(t, trainer, lc);
    const path = `/api/studio/courses/${course.id}/certificate-template`;
    await call(t, trainer, 'get', path);
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        call(t, trainer, 'put', path).send({ expectedVersion: 1, ...content({ title: `Title ${i}` }) }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    const versions = await call(t, trainer, 'get', `${path}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('names an unknown placeholder, and refuses bad images and signatories with 400', async () => {
    const course = await createCourse(t, trainer, lc);
    const path = `/api/studio/courses/${course.id}/certificate-template`;
    const save = (fields: Record<string, unknown>) =>
      call(t, trainer, 'put', path).send({ expectedVersion: 0, ...content(fields) });

    const unknown = await save({ body: 'Well done {{learnerName}} in {{courseName}}' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'body', message: expect.stringContaining('{{courseName}}') }),
    ]);
    const title = await save({ title: '{{ nope }}' });
    expect(title.status).toBe(400);
    expect(title.body.detail).toContain('{{nope}}');

    const gif = await upload(GIF, 'logo.gif');
    const asGif = await save({ logoFileIds: [gif] });
    expect(asGif.status).toBe(400);
    expect(asGif.body.errors[0]).toMatchObject({ field: 'logoFileIds.0' });
    expect(asGif.body.errors[0].message).toMatch(/PNG or JPEG/);

    const foreign = await upload(png(), 'foreign.png', otherInstitution, otherTrainer);
    const notYours = await save({ signatories: [{ name: 'A', title: 'B', signatureFileId: foreign }] });
    expect(notYours.status).toBe(400);
    expect(notYours.body.errors[0]).toMatchObject({ field: 'signatories.0.signatureFileId' });
    const missing = await save({ logoFileIds: [randomUUID()] });
    expect(missing.status).toBe(400);

    const logo = await upload(png(), 'logo.png');
    expect((await save({ logoFileIds: [logo, logo, logo, logo] })).status).toBe(400);
    const four = Array.from({ length: 4 }, () => ({ name: 'N', title: 'T', signatureFileId: null }));
    expect((await save({ signatories: four })).status).toBe(400);
    const long = await save({ signatories: [{ name: 'x'.repeat(121), title: 'T', signatureFileId: null }] });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('signatories.0.name');
    expect((await save({ signatories: [{ name: '', title: 'T', signatureFileId: null }] })).status).toBe(400);
    expect((await save({ language: 'de' })).status).toBe(400);
    expect((await save({ orientation: 'square' })).status).toBe(400);
    expect((await save({ body: '' })).status).toBe(400);

    // With no version saved yet, version 0 is current: the first save is accepted.
    const ok = await save({ logoFileIds: [logo] });
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(1);
  });

  it('reads and saves settings, with defaults, validation and audit', async () => {
    const course = await createCourse(t, trainer, lc);
    const path = `/api/studio/courses/${course.id}/certificate-settings`;
    const defaults = await call(t, trainer, 'get', path);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toEqual({ enabled: true, issueMode: 'automatic', validityMonths: null });
    const saved = await call(t, trainer, 'put', path).send({
      enabled: true,
      issueMode: 'approval',
      validityMonths: 24,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ enabled: true, issueMode: 'approval', validityMonths: 24 });
    expect((await call(t, trainer, 'get', path)).body).toEqual(saved.body);
    const bad = await call(t, trainer, 'put', path).send({
      enabled: true,
      issueMode: 'sometimes',
      validityMonths: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'issueMode',
      'validityMonths',
    ]);
    const audit = await auditActions(t, course.id);
    expect(audit.find((a) => a.action === 'certificate_settings.saved')?.details).toMatchObject({
      before: { issueMode: 'automatic' },
      after: { issueMode: 'approval', validityMonths: 24 },
    });
  });

  it('previews a template as a PDF without saving it', async () => {
    const course = await createCourse(t, trainer, lc, { estimatedHours: 6 });
    const path = `/api/studio/courses/${course.id}/certificate-template`;
    const res = await call(t, trainer, 'post', `${path}/preview`)
      .send(content())
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await call(t, trainer, 'post', `${path}/preview`).send(content({ body: '{{oops}}' }));
    expect(bad.status).toBe(400);
    const versions = await call(t, trainer, 'get', `${path}/versions`);
    expect(versions.body.items).toHaveLength(1);
  });

  describe('who may call each route', () => {
    let courseId: string;
    beforeAll(async () => {
      courseId = (await createCourse(t, trainer, lc)).id;
    });
    const routes = (id: string) => [
      { method: 'get' as const, path: `/api/studio/courses/${id}/certificate-settings` },
      {
        method: 'put' as const,
        path: `/api/studio/courses/${id}/certificate-settings`,
        body: { enabled: true, issueMode: 'automatic', validityMonths: null },
      },
      { method: 'get' as const, path: `/api/studio/courses/${id}/certificate-template` },
      {
        method: 'put' as const,
        path: `/api/studio/courses/${id}/certificate-template`,
        body: { expectedVersion: 99, ...content() },
      },
      { method: 'get' as const, path: `/api/studio/courses/${id}/certificate-template/versions` },
      {
        method: 'post' as const,
        path: `/api/studio/courses/${id}/certificate-template/preview`,
        body: content(),
      },
    ];

    it('refuses anonymous callers (401), learners (403) and another institution’s trainer (404)', async () => {
      for (const route of routes(courseId)) {
        const as = (session: TestSession | undefined) =>
          call(t, session, route.method, route.path).send(route.body);
        expect({ route, status: (await as(undefined)).status }).toEqual({ route, status: 401 });
        expect({ route, status: (await as(learner)).status }).toEqual({ route, status: 403 });
        const other = await as(otherTrainer);
        expect({ route, status: other.status }).toEqual({ route, status: 404 });
        expect(other.body.detail).toBe(`There is no course with id ${courseId} that you may edit.`);
      }
    });

    it('answers an unknown course like a course that is not yours', async () => {
      const unknownId = randomUUID();
      for (const route of routes(unknownId)) {
        const res = await call(t, trainer, route.method, route.path).send(route.body);
        expect({ route, status: res.status }).toEqual({ route, status: 404 });
        expect(res.body.detail).toBe(`There is no course with id ${unknownId} that you may edit.`);
      }
    });

    it('lets the course’s trainer and institution admin through', async () => {
      for (const session of [trainer, institutionAdmin]) {
        for (const route of routes(courseId)) {
          const res = await call(t, session, route.method, route.path).send(route.body);
          // The PUT of a template with a made-up version passes the guard and gets 409.
          const expected = route.method === 'put' && route.path.endsWith('template') ? 409 : [200, 201];
          expect({ route, ok: ([] as number[]).concat(expected).includes(res.status) }).toEqual({
            route,
            ok: true,
          });
        }
      }
    });
  });
});

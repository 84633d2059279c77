import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/load-config.js';
import { receiveZip } from '../src/scorm/packages/receive-zip.js';
import { SeedService } from '../src/seed/seed.service.js';
import { auditActions, createInstitutionWithAdmin, demoInstitutionId } from './admin-fixtures.js';
import { publish } from './course-fixtures.js';
import {
  createScormActivity,
  enrolledScormLearner,
  scorm12MultiZip,
  scorm12SingleManifest,
  scorm12SingleZip,
  scorm2004Zip,
  SCORM12_NAMESPACES,
  uploadScormPackage,
  uploadScormZip,
  zipWithManifest,
} from './scorm-fixtures.js';
import { buildZip } from './scorm-zips.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Renames an entry in both the local header and the central directory (names of equal length). */
function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const source = Buffer.from(from);
  const patched = Buffer.from(zip);
  for (let at = patched.indexOf(source); at !== -1; at = patched.indexOf(source, at + 1)) {
    Buffer.from(to).copy(patched, at);
  }
  return patched;
}

const UPLOAD_LIMIT = 300_000;
const MAX_ENTRIES = 40;

describe('SCORM settings', () => {
  it('defaults to DATA_DIR/scorm, 500 MiB zips, 20,000 entries and 2 GiB unpacked', () => {
    const config = loadConfig({});
    expect(config.SCORM_DIR).toBeUndefined();
    expect(config).toMatchObject({
      SCORM_UPLOAD_MAX_BYTES: 500 * 1024 ** 2,
      SCORM_MAX_ENTRIES: 20_000,
      SCORM_MAX_UNPACKED_BYTES: 2 * 1024 ** 3,
    });
  });

  it('reads them from the environment and names a wrong one', () => {
    expect(
      loadConfig({ SCORM_DIR: '/srv/scorm', SCORM_UPLOAD_MAX_BYTES: '1048576', SCORM_MAX_ENTRIES: '10' }),
    ).toMatchObject({ SCORM_DIR: '/srv/scorm', SCORM_UPLOAD_MAX_BYTES: 1048576, SCORM_MAX_ENTRIES: 10 });
    expect(() => loadConfig({ SCORM_MAX_ENTRIES: '0' })).toThrow(/SCORM_MAX_ENTRIES=0 is invalid/);
    expect(() => loadConfig({ SCORM_MAX_UNPACKED_BYTES: 'lots' })).toThrow(/SCORM_MAX_UNPACKED_BYTES/);
  });
});

describe('SCORM zips as they arrive', () => {
  it('fails when the staging file cannot be written, instead of waiting for ever', async () => {
    const source = new PassThrough();
    const staging = join(tmpdir(), `scorm-missing-${randomBytes(6).toString('hex')}`);
    const received = receiveZip(source, staging, 1_000_000);
    source.write(Buffer.from('PK\x03\x04 the first chunk'));
    // The staging file's open fails (no such folder) before the next chunk arrives.
    await new Promise((resolve) => setTimeout(resolve, 100));
    source.end(Buffer.from('the second chunk'));
    await expect(received).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('SCORM packages: upload, refusals, draft view, publishing and duplicating', () => {
  let t: TestApp;
  let db: DataSource;
  let root: string;
  let lc: string;
  let trainer: TestSession;
  let learner: TestSession;
  let otherAdmin: TestSession;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-scorm-'));
    t = await createTestApp({
      SCORM_DIR: root,
      SCORM_UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT),
      SCORM_MAX_ENTRIES: String(MAX_ENTRIES),
    });
    db = t.app.get(DataSource);
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const other = await createInstitutionWithAdmin(t, 'scorm');
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const packageFolders = () =>
    readdirSync(root)
      .filter((name) => name !== '.incoming')
      .sort();
  const packageRows = async (activityId: string) =>
    Number(
      (
        (await db.query(`SELECT count(*)::int AS n FROM scorm_package WHERE activity_id = $1`, [
          activityId,
        ])) as { n: number }[]
      )[0]!.n,
    );
  const draftPackage = async (activityId: string) =>
    (
      (await db.query(`SELECT package_id AS "packageId" FROM scorm_content WHERE activity_id = $1`, [
        activityId,
      ])) as { packageId: string | null }[]
    )[0]!.packageId;

  /** Uploads a zip that must be refused; checks nothing was left anywhere; answers the response. */
  const refusedUpload = async (zip: Buffer, status: number) => {
    const activity = await createScormActivity(t, trainer, lc);
    const folders = packageFolders();
    const res = await uploadScormZip(t, trainer, activity.activityId, zip);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(packageFolders()).toEqual(folders);
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
    expect(await packageRows(activity.activityId)).toBe(0);
    expect(await draftPackage(activity.activityId)).toBeNull();
    return res;
  };
  const expectRefusal = async (zip: Buffer, code: string) => {
    const res = await refusedUpload(zip, 422);
    expect(res.body.type).toBe('urn:archipelago:problem:scorm-package-refused');
    const problem = (res.body.problems as { code: string; severity: string; detail: string }[]).find(
      (p) => p.code === code,
    );
    expect(problem).toMatchObject({ severity: 'error' });
    expect(problem!.detail.length).toBeGreaterThan(20);
    expect(res.body.detail).toContain(problem!.detail);
    return res.body.problems as { code: string; itemId?: string; resourceId?: string; line?: number }[];
  };

  it('imports a SCORM 1.2 package: extracted into its own folder, recorded, named by the draft, audited', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    const zip = await scorm12SingleZip({ title: 'Golf basics' });
    const res = await uploadScormZip(t, trainer, activity.activityId, zip, 'golf.zip');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      scormVersion: '1.2',
      title: 'Golf basics',
      originalName: 'golf.zip',
      zipBytes: zip.length,
      unpackedBytes: expect.any(Number),
      fileCount: 3,
      uploadedAt: expect.any(String),
      uploadedBy: { id: trainer.userId, name: expect.any(String) },
      warnings: [],
      items: [
        {
          identifier: 'item_1',
          title: 'Playing golf',
          scormType: 'sco',
          isVisible: true,
          launchUrl: 'index.html',
          children: [],
        },
      ],
      replacement: null,
    });
    const folder = join(root, res.body.id);
    expect(readFileSync(join(folder, 'imsmanifest.xml'), 'utf8')).toContain('<manifest');
    expect(existsSync(join(folder, 'shared/style.css'))).toBe(true);
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
    expect(await draftPackage(activity.activityId)).toBe(res.body.id);
    const [row] = (await db.query(`SELECT sha256, course_id AS "courseId" FROM scorm_package WHERE id = $1`, [
      res.body.id,
    ])) as { sha256: string; courseId: string }[];
    expect(row).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), courseId: activity.courseId });
    const audit = await auditActions(t, activity.activityId);
    expect(audit).toContainEqual({
      action: 'scorm.package_uploaded',
      details: expect.objectContaining({ packageId: res.body.id, scormVersion: '1.2', zipBytes: zip.length }),
    });
  });

  it('imports a SCORM 2004 package with sequencing, and a 1.2 package of several SCOs as a tree', async () => {
    const sequenced = await createScormActivity(t, trainer, lc);
    const v2004 = await uploadScormPackage(t, trainer, sequenced.activityId, await scorm2004Zip());
    expect(v2004).toMatchObject({
      scormVersion: '2004-3rd',
      title: 'Safety training',
      items: [
        { identifier: 'one', scormType: 'sco', launchUrl: 'one.html' },
        { identifier: 'two', scormType: 'sco' },
        { identifier: 'three', scormType: 'sco' },
      ],
    });
    const [stored] = (await db.query(`SELECT manifest FROM scorm_package WHERE id = $1`, [v2004.id])) as {
      manifest: { organization: { sequencing: { controlMode: { flow: boolean } } } };
    }[];
    expect(stored!.manifest.organization.sequencing.controlMode.flow).toBe(true);

    const multi = await createScormActivity(t, trainer, lc);
    const v12 = await uploadScormPackage(t, trainer, multi.activityId, await scorm12MultiZip());
    expect(v12.items).toEqual([
      expect.objectContaining({
        identifier: 'module_1',
        scormType: null,
        launchUrl: null,
        children: [
          expect.objectContaining({ identifier: 'sco_1', scormType: 'sco', launchUrl: 'sco_1/index.html' }),
          expect.objectContaining({ identifier: 'sco_2', scormType: 'sco' }),
        ],
      }),
      expect.objectContaining({ identifier: 'asset_1', scormType: 'asset' }),
      expect.objectContaining({ identifier: 'sco_hidden', scormType: 'sco', isVisible: false }),
    ]);
  });

  it('keeps warnings with a package that can still be played', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    // The manifest lists shared/style.css, which this zip lacks.
    const zip = await zipWithManifest(scorm12SingleManifest(), [{ name: 'index.html', data: '<p>Hi</p>' }]);
    const view = await uploadScormPackage(t, trainer, activity.activityId, zip);
    expect(view.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'file-missing', resourceId: 'res_1' }),
    ]);
  });

  it('refuses a file that is not a zip (415)', async () => {
    const res = await refusedUpload(Buffer.from('<html>not a zip</html>'), 415);
    expect(res.body.detail).toContain('not a zip');
  });

  it('refuses a zip over SCORM_UPLOAD_MAX_BYTES (413), after reading the rest of the body', async () => {
    const zip = await buildZip([
      { name: 'imsmanifest.xml', data: scorm12SingleManifest() },
      { name: 'video.bin', data: randomBytes(UPLOAD_LIMIT + 50_000) },
    ]);
    const res = await refusedUpload(zip, 413);
    expect(res.body).toMatchObject({ limitBytes: UPLOAD_LIMIT });
  });

  it('refuses a ../ traversal', async () => {
    const zip = await buildZip([
      { name: 'imsmanifest.xml', data: scorm12SingleManifest() },
      { name: 'index.html', data: 'x' },
      { name: 'xx/escape.txt', data: 'owned' },
    ]);
    await expectRefusal(renameEntry(zip, 'xx/escape.txt', '../escape.txt'), 'unsafe-path');
    expect(existsSync(join(root, 'escape.txt'))).toBe(false);
  });

  it('refuses an absolute path', async () => {
    const zip = await buildZip([
      { name: 'imsmanifest.xml', data: scorm12SingleManifest() },
      { name: 'tmp/evil.txt', data: 'x' },
    ]);
    await expectRefusal(renameEntry(zip, 'tmp/evil.txt', '/tm/evil.txt'), 'unsafe-path');
  });

  it('refuses a backslash in a name', async () => {
    const zip = await buildZip([
      { name: 'imsmanifest.xml', data: scorm12SingleManifest() },
      { name: 'xx/evil.txt', data: 'x' },
    ]);
    await expectRefusal(renameEntry(zip, 'xx/evil.txt', '..\\evil.txt'), 'unsafe-path');
  });

  it('refuses a symbolic link', async () => {
    const zip = await buildZip([
      { name: 'imsmanifest.xml', data: scorm12SingleManifest() },
      { name: 'index.html', data: '<p>Hi</p>' },
      { name: 'passwd', data: '/etc/passwd', mode: 0o120777 },
    ]);
    await expectRefusal(zip, 'symlink');
  });

  it('refuses more entries than SCORM_MAX_ENTRIES', async () => {
    const files = Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => ({ name: `f${i}.txt`, data: `${i}` }));
    await expectRefusal(await zipWithManifest(scorm12SingleManifest(), files), 'too-many-entries');
  });

  it('refuses a zip bomb', async () => {
    const zip = await zipWithManifest(scorm12SingleManifest(), [
      { name: 'bomb.bin', data: Buffer.alloc(20 * 1024 ** 2) },
    ]);
    expect(zip.length).toBeLessThan(UPLOAD_LIMIT);
    await expectRefusal(zip, 'zip-bomb');
  });

  it('refuses a manifest that is not well-formed, naming the line', async () => {
    const problems = await expectRefusal(
      await zipWithManifest(`<?xml version="1.0"?>\n<manifest>\n<organizations>\n</manifest>`),
      'manifest-not-well-formed',
    );
    expect(problems[0]!.line).toEqual(expect.any(Number));
  });

  it('refuses a manifest holding a NUL character, which XML forbids and PostgreSQL cannot store', async () => {
    const manifest = scorm12SingleManifest().replace(/<title>([^<]*)<\/title>/, '<title>Golf\u0000</title>');
    expect(manifest).toContain('\u0000');
    const problems = await expectRefusal(await zipWithManifest(manifest), 'manifest-not-well-formed');
    expect(problems[0]!.line).toEqual(expect.any(Number));
  });

  it('refuses an item whose resource is missing, naming the item and resource', async () => {
    const manifest = scorm12SingleManifest().replace('identifierref="res_1"', 'identifierref="res_gone"');
    const problems = await expectRefusal(
      await zipWithManifest(manifest, [{ name: 'index.html', data: 'x' }]),
      'item-resource-missing',
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'item-resource-missing', itemId: 'item_1', resourceId: 'res_gone' }),
    );
  });

  it('refuses a SCO without an href', async () => {
    const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" ${SCORM12_NAMESPACES}>
  <organizations default="org"><organization identifier="org"><title>T</title>
    <item identifier="a" identifierref="res_a"><title>A</title></item>
    <item identifier="b" identifierref="res_b"><title>B</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="res_a" type="webcontent" adlcp:scormtype="sco" href="a.html"><file href="a.html"/></resource>
    <resource identifier="res_b" type="webcontent" adlcp:scormtype="sco"/>
  </resources>
</manifest>`;
    const problems = await expectRefusal(
      await zipWithManifest(manifest, [{ name: 'a.html', data: 'x' }]),
      'sco-without-href',
    );
    expect(problems).toContainEqual(expect.objectContaining({ resourceId: 'res_b' }));
  });

  it('refuses a zip without imsmanifest.xml', async () => {
    await expectRefusal(await buildZip([{ name: 'index.html', data: 'x' }]), 'manifest-missing');
  });

  it('answers 415 to a body that is not multipart, 422 without a file part, 409 for an archived course', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    const path = `/api/studio/scorm/${activity.activityId}/package`;
    const json = await call(t, trainer, 'post', path).send({ file: 'nope' });
    expect(json.status).toBe(415);
    const noFile = await call(t, trainer, 'post', path).field('other', 'value');
    expect(noFile.status).toBe(422);
    expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const archived = await call(t, trainer, 'post', `/api/studio/courses/${activity.courseId}/archive`);
    expect(archived.status).toBe(200);
    const refusedArchived = await uploadScormZip(t, trainer, activity.activityId, await scorm12SingleZip());
    expect(refusedArchived.status).toBe(409);
    expect(await packageRows(activity.activityId)).toBe(0);
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
  });

  it('reports which SCOs a replacement keeps, drops and adds, and lists older uploads newest first', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    const empty = await call(t, trainer, 'get', `/api/studio/scorm/${activity.activityId}`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      activityId: activity.activityId,
      title: expect.any(String),
      courseId: activity.courseId,
      courseTitle: expect.any(String),
      courseArchived: false,
      package: null,
      history: [],
    });

    const first = await uploadScormPackage(
      t,
      trainer,
      activity.activityId,
      await scorm12MultiZip({ scoIds: ['intro', 'middle'] }),
      'v1.zip',
    );
    const second = await uploadScormPackage(
      t,
      trainer,
      activity.activityId,
      await scorm12MultiZip({ scoIds: ['middle', 'ending'] }),
      'v2.zip',
    );
    // sco_hidden is in both.
    expect(second.replacement).toEqual({
      kept: ['middle', 'sco_hidden'],
      dropped: ['intro'],
      added: ['ending'],
    });
    const third = await uploadScormPackage(
      t,
      trainer,
      activity.activityId,
      await scorm12SingleZip(),
      'v3.zip',
    );
    expect(third.replacement).toEqual({
      kept: [],
      dropped: ['middle', 'ending', 'sco_hidden'],
      added: ['item_1'],
    });

    const draft = await call(t, trainer, 'get', `/api/studio/scorm/${activity.activityId}`);
    expect(draft.status).toBe(200);
    expect(draft.body.package).toMatchObject({ id: third.id, originalName: 'v3.zip' });
    expect(draft.body.history.map((p: { id: string }) => p.id)).toEqual([second.id, first.id]);
    expect(draft.body.history[0]).toEqual({
      id: second.id,
      scormVersion: '1.2',
      title: 'Sailing course',
      originalName: 'v2.zip',
      zipBytes: expect.any(Number),
      unpackedBytes: expect.any(Number),
      fileCount: 6,
      uploadedAt: expect.any(String),
      uploadedBy: { id: trainer.userId, name: expect.any(String) },
    });
    // Each upload has a folder of its own; none is changed by the next.
    for (const id of [first.id, second.id, third.id])
      expect(existsSync(join(root, id, 'imsmanifest.xml'))).toBe(true);
  });

  it('lets only the authors of the course upload and read the draft', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    const zip = await scorm12SingleZip();
    expect((await uploadScormZip(t, otherAdmin, activity.activityId, zip)).status).toBe(404);
    expect((await uploadScormZip(t, learner, activity.activityId, zip)).status).toBe(403);
    expect((await uploadScormZip(t, undefined, activity.activityId, zip)).status).toBe(401);
    expect((await call(t, otherAdmin, 'get', `/api/studio/scorm/${activity.activityId}`)).status).toBe(404);
    expect(await packageRows(activity.activityId)).toBe(0);
  });

  it('answers 404 for an activity that is not a scorm activity', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    const course = await call(t, trainer, 'get', `/api/studio/courses/${activity.courseId}`);
    const lesson = await call(
      t,
      trainer,
      'post',
      `/api/studio/courses/${activity.courseId}/modules/${activity.moduleId}/activities`,
    ).send({ revision: course.body.revision, kind: 'lesson', title: 'A lesson' });
    expect(lesson.status).toBe(201);
    const res = await uploadScormZip(t, trainer, lesson.body.id as string, await scorm12SingleZip());
    expect(res.status).toBe(404);
    expect((await call(t, trainer, 'get', `/api/studio/scorm/${lesson.body.id}`)).status).toBe(404);
  });

  it('publishes the package it names, frozen with each item’s type, and presents it to learners', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    const current = await call(t, trainer, 'get', `/api/studio/courses/${activity.courseId}`);
    const refused = await call(t, trainer, 'post', `/api/studio/courses/${activity.courseId}/publish`).send({
      revision: current.body.revision,
      changeLog: 'Too early',
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body.problems)).toContain('Upload a SCORM package.');

    const uploaded = await uploadScormPackage(t, trainer, activity.activityId, await scorm12MultiZip());
    await publish(t, trainer, activity.courseId);
    const [frozen] = (await db.query(
      `SELECT a.kind, a.content FROM course_version_activity a JOIN course_version v ON v.id = a.version_id
        WHERE v.course_id = $1 AND a.activity_id = $2`,
      [activity.courseId, activity.activityId],
    )) as { kind: string; content: Record<string, unknown> }[];
    expect(frozen!.kind).toBe('scorm');
    expect(frozen!.content).toMatchObject({
      packageId: uploaded.id,
      scormVersion: '1.2',
      title: 'Sailing course',
      organization: {
        identifier: 'org',
        items: [
          {
            identifier: 'module_1',
            scormType: null,
            children: [{ identifier: 'sco_1', scormType: 'sco' }, {}],
          },
          { identifier: 'asset_1', scormType: 'asset', launchUrl: 'glossary.html' },
          { identifier: 'sco_hidden', scormType: 'sco', isVisible: false },
        ],
      },
    });
    const sco2 = (frozen!.content as { organization: { items: { children: { prerequisites: string }[] }[] } })
      .organization.items[0]!.children[1]!;
    expect(sco2.prerequisites).toBe('sco_1');

    // A newer upload changes the draft, not what was published.
    await uploadScormPackage(t, trainer, activity.activityId, await scorm12SingleZip());
    const reader = await enrolledScormLearner(t, lc, activity.slug);
    const res = await call(
      t,
      reader,
      'get',
      `/api/me/learning/${activity.slug}/activities/${activity.activityId}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('scorm');
    expect(res.body.content).toEqual({
      packageId: uploaded.id,
      scormVersion: '1.2',
      title: 'Sailing course',
      items: [
        {
          identifier: 'module_1',
          title: 'Module 1',
          scormType: null,
          isVisible: true,
          children: [
            { identifier: 'sco_1', title: 'Part 1', scormType: 'sco', isVisible: true, children: [] },
            { identifier: 'sco_2', title: 'Part 2', scormType: 'sco', isVisible: true, children: [] },
          ],
        },
        { identifier: 'asset_1', title: 'Glossary', scormType: 'asset', isVisible: true, children: [] },
        { identifier: 'sco_hidden', title: 'Hidden part', scormType: 'sco', isVisible: false, children: [] },
      ],
    });
    // Learners cannot mark it completed: the runtime does.
    const progress = await call(
      t,
      reader,
      'put',
      `/api/me/learning/${activity.slug}/activities/${activity.activityId}/progress`,
    ).send({ completed: true, at: new Date().toISOString() });
    expect(progress.status).toBeGreaterThanOrEqual(400);
  });

  it('duplicates a scorm activity with its package reference, and the copy’s authors see it', async () => {
    const activity = await createScormActivity(t, trainer, lc);
    const uploaded = await uploadScormPackage(t, trainer, activity.activityId, await scorm2004Zip());
    const copy = await call(t, trainer, 'post', `/api/studio/courses/${activity.courseId}/duplicate`).send(
      {},
    );
    expect(copy.status).toBe(201);
    const [copied] = (await db.query(
      `SELECT s.activity_id AS "activityId", s.package_id AS "packageId"
         FROM scorm_content s JOIN activity a ON a.id = s.activity_id JOIN course_module m ON m.id = a.module_id
        WHERE m.course_id = $1`,
      [copy.body.id],
    )) as { activityId: string; packageId: string }[];
    expect(copied!.packageId).toBe(uploaded.id);
    expect(copied!.activityId).not.toBe(activity.activityId);
    const draft = await call(t, trainer, 'get', `/api/studio/scorm/${copied!.activityId}`);
    expect(draft.status).toBe(200);
    expect(draft.body.package).toMatchObject({ id: uploaded.id, scormVersion: '2004-3rd' });
    expect(draft.body.history).toEqual([]);
    await publish(t, trainer, copy.body.id as string);
  });
});

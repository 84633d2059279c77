import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeedService } from '../src/seed/seed.service.js';
import { auditActions, createInstitutionWithAdmin, demoInstitutionId } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { pdf, png } from './file-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('course cover image', () => {
  let t: TestApp;
  let root: string;
  let lc: string;
  let trainer: TestSession;
  let platformAdmin: TestSession;
  let otherInstitution: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-cover-'));
    t = await createTestApp({ FILE_STORAGE_DIR: root });
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    platformAdmin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    otherInstitution = (await createInstitutionWithAdmin(t, 'cover')).institutionId;
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
    return res.body as { id: string; url: string };
  };
  const patch = (id: string, body: object) =>
    call(t, trainer, 'patch', `/api/studio/courses/${id}`).send(body);

  it('sets a cover with its alt text through the metadata PATCH, audited, and removes it again', async () => {
    const course = await createCourse(t, trainer, lc);
    const image = await upload(png(8, 4), 'harbour.png');
    const set = await patch(course.id, {
      revision: course.revision,
      coverFileId: image.id,
      coverAlt: 'Fishing boats in Castries harbour',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      coverFileId: image.id,
      coverUrl: `/api/files/${image.id}`,
      coverAlt: 'Fishing boats in Castries harbour',
      revision: course.revision + 1,
    });
    const events = await auditActions(t, course.id);
    expect(events.at(-1)).toMatchObject({
      action: 'course.updated',
      details: { changes: { coverFileId: { from: null, to: image.id } } },
    });

    const removed = await patch(course.id, {
      revision: set.body.revision,
      coverFileId: null,
      coverAlt: null,
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ coverFileId: null, coverUrl: null, coverAlt: null });
  });

  it('requires alt text with a cover (422 naming coverAlt), and keeps it while the cover stays', async () => {
    const course = await createCourse(t, trainer, lc);
    const image = await upload(png(), 'a.png');
    const noAlt = await patch(course.id, { revision: course.revision, coverFileId: image.id });
    expect(noAlt.status).toBe(422);
    expect(noAlt.body.errors).toEqual([
      { field: 'coverAlt', message: 'coverAlt is required with a cover image', in: 'body' },
    ]);
    const blank = await patch(course.id, {
      revision: course.revision,
      coverFileId: image.id,
      coverAlt: '   ',
    });
    expect(blank.status).toBe(422);

    const set = await patch(course.id, {
      revision: course.revision,
      coverFileId: image.id,
      coverAlt: 'A map',
    });
    expect(set.status).toBe(200);
    const cleared = await patch(course.id, { revision: set.body.revision, coverAlt: null });
    expect(cleared.status).toBe(422);
    expect(cleared.body.errors[0].field).toBe('coverAlt');
    // Alt text without a cover is harmless (kept for when an image is chosen).
    const other = await createCourse(t, trainer, lc);
    expect((await patch(other.id, { revision: other.revision, coverAlt: 'Later' })).status).toBe(200);
  });

  it('accepts only an image of the course’s own institution', async () => {
    const course = await createCourse(t, trainer, lc);
    const document = await upload(pdf(), 'handout.pdf');
    const elsewhere = await upload(png(), 'b.png', otherInstitution, platformAdmin);
    const tries = [
      [document.id, 'coverFileId must be an image, not application/pdf'],
      [elsewhere.id, "coverFileId must be an image uploaded for this course's institution"],
      [randomUUID(), "coverFileId must be an image uploaded for this course's institution"],
    ];
    for (const [coverFileId, message] of tries) {
      const res = await patch(course.id, { revision: course.revision, coverFileId, coverAlt: 'x' });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'coverFileId', message, in: 'body' }]);
    }
    const notUuid = await patch(course.id, {
      revision: course.revision,
      coverFileId: 'cover.png',
      coverAlt: 'x',
    });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors[0].field).toBe('coverFileId');
  });

  it('freezes the cover into the published version and shows it in the public catalogue', async () => {
    const course = await createCourse(t, trainer, lc, { summary: 'With a cover.', title: 'Covered course' });
    const image = await upload(png(16, 9), 'cover.png');
    const { activityIds, revision } = await addModule(t, trainer, course.id, course.revision, 'Module', [
      'Lesson',
    ]);
    await call(t, trainer, 'put', `/api/studio/lessons/${activityIds[0]}`).send({
      revision: 1,
      document: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi.' }] }] },
    });
    const set = await patch(course.id, {
      revision,
      coverFileId: image.id,
      coverAlt: 'Sunrise over the Pitons',
    });
    expect(set.status).toBe(200);
    const published = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/publish`).send({
      revision: set.body.revision,
      changeLog: 'With a cover',
    });
    expect(published.status).toBe(200);

    // A later draft change does not reach the catalogue until the next version.
    await patch(course.id, { revision: published.body.revision, coverFileId: null, coverAlt: null });

    const page = await t.http.get(`/api/courses/${course.slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ coverUrl: image.url, coverAlt: 'Sunrise over the Pitons' });
    const list = await t.http.get('/api/courses').query({ query: 'Covered course', pageSize: 100 });
    const item = (list.body.items as { slug: string; coverUrl: string | null }[]).find(
      (entry) => entry.slug === course.slug,
    );
    expect(item?.coverUrl).toBe(image.url);
    const served = await t.http.get(image.url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('keeps a cover without alt text out at the database too', async () => {
    const course = await createCourse(t, trainer, lc);
    const image = await upload(png(), 'c.png');
    const db = t.app.get((await import('typeorm')).DataSource);
    await expect(
      db.query(`UPDATE course SET cover_file_id = $1, cover_alt = NULL WHERE id = $2`, [image.id, course.id]),
    ).rejects.toThrow(/course_cover_needs_alt/);
  });
});

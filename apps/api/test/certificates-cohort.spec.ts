import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { DataSource } from 'typeorm';
import { createInstitutionWithAdmin, createPerson } from './admin-fixtures.js';
import {
  certificateCourse,
  complete,
  enrol,
  newLearner,
  type CertificateCourse,
} from './certificate-fixtures.js';
import { addMember, cohortWorld, createCohort, type CohortWorld } from './cohort-fixtures.js';
import { call, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

const BODY = 'This is to certify that {{learnerName}} completed “{{courseTitle}}” ({{cohort}}).';

interface Batch {
  id: string;
  status: string;
  total: number | null;
  issued: number;
  skipped: number;
  cohort: { id: string; name: string } | null;
  items: Array<{ userId: string; outcome: string; certificateId: string | null }>;
}

interface Issued {
  id: string;
  code: string;
  cohortName: string | null;
  credentialJws: string;
}

/** What the PDF says, as a reader sees it, without spaces (lines break inside long words). */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const text = content.items.map((item) => (item as TextItem).str).join(' ');
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

/** The signed credential's statement of what was achieved (the filled template body). */
function credentialNarrative(jws: string): string {
  const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as {
    credentialSubject: { achievement: { criteria: { narrative: string } } };
  };
  return payload.credentialSubject.achievement.criteria.narrative;
}

describe('certificates and cohorts', () => {
  let t: TestApp;
  let db: DataSource;
  let root: string;
  let world: CohortWorld;
  let otherAdmin: TestSession;
  let otherInstitutionId: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-cert-cohort-'));
    t = await createTestApp({ FILE_STORAGE_DIR: root });
    db = t.app.get(DataSource);
    world = await cohortWorld(t);
    const other = await createInstitutionWithAdmin(t, 'cert-cohort-other');
    otherInstitutionId = other.institutionId;
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A course whose certificate body names the cohort in brackets. */
  async function courseNamingCohort(
    settings: { issueMode?: 'automatic' | 'approval' } = {},
  ): Promise<CertificateCourse & { title: string }> {
    const title = `Records management ${unique('t')}`;
    const course = await certificateCourse(t, world, settings, { title });
    const path = `/api/studio/courses/${course.id}/certificate-template`;
    const current = await call(t, world.institutionAdmin, 'get', path);
    expect(current.status).toBe(200);
    const saved = await call(t, world.institutionAdmin, 'put', path).send({
      expectedVersion: current.body.version,
      title: current.body.title,
      body: BODY,
      language: 'en',
      orientation: 'landscape',
      logoFileIds: [],
      signatories: [],
    });
    expect(saved.status).toBe(201);
    return { ...course, title };
  }

  /** A new person added to the cohort (enrolled in its courses by that). */
  async function member(cohortId: string, label: string): Promise<string> {
    const person = await createPerson(t, undefined, label);
    expect(await addMember(t, world, cohortId, { email: person.email })).toBe('enrolled');
    return person.id;
  }

  async function markCompleted(courseId: string, userId: string): Promise<void> {
    const [, affected] = (await db.query(
      `UPDATE enrolment SET completed_at = '2026-11-02T10:00:00Z' WHERE course_id = $1 AND user_id = $2`,
      [courseId, userId],
    )) as [unknown, number];
    expect(affected).toBe(1);
  }

  async function certificateOf(courseId: string, userId: string): Promise<Issued | undefined> {
    const rows = (await db.query(
      `SELECT id, code, cohort_name AS "cohortName", credential_jws AS "credentialJws" FROM certificate
        WHERE course_id = $1 AND user_id = $2 AND superseded_at IS NULL`,
      [courseId, userId],
    )) as Issued[];
    return rows[0];
  }

  async function finished(batchId: string): Promise<Batch> {
    for (let i = 0; i < 200; i++) {
      const res = await call(t, world.institutionAdmin, 'get', `/api/studio/certificate-batches/${batchId}`);
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body as Batch;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`batch ${batchId} did not finish`);
  }

  async function pdfOf(code: string): Promise<string> {
    const res = await t.http
      .get(`/api/verify/${code}/pdf`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return pdfText(res.body as Buffer);
  }

  it('issues a cohort batch to the cohort’s completed members only, each certificate naming the cohort, and keeps that name after a rename', async () => {
    const course = await courseNamingCohort();
    const cohortName = `Intake ${unique('k')}`;
    const cohort = await createCohort(t, world, { name: cohortName, courseIds: [course.id] });
    const done = await member(cohort.id, 'cohort-done');
    const started = await member(cohort.id, 'cohort-started');
    await markCompleted(course.id, done);
    // Completed the course too, but outside the cohort: a cohort batch leaves them alone.
    const outsider = await newLearner(t, 'Outside Learner');
    await enrol(t, outsider, course);
    await markCompleted(course.id, outsider.userId);

    const created = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/courses/${course.id}/certificate-batches`,
    ).send({ reason: 'End of the intake', cohortId: cohort.id });
    expect(created.status).toBe(202);
    expect(created.body.cohort).toEqual({ id: cohort.id, name: cohortName });

    const batch = await finished(created.body.id);
    expect(batch).toMatchObject({ status: 'done', total: 2, issued: 1, skipped: 1 });
    expect(batch.cohort).toEqual({ id: cohort.id, name: cohortName });
    expect(Object.fromEntries(batch.items.map((item) => [item.userId, item.outcome]))).toEqual({
      [done]: 'issued',
      [started]: 'not_completed',
    });
    expect(await certificateOf(course.id, outsider.userId)).toBeUndefined();

    const issued = (await certificateOf(course.id, done))!;
    expect(issued.cohortName).toBe(cohortName);
    expect(credentialNarrative(issued.credentialJws)).toContain(`“${course.title}” (${cohortName}).`);
    expect(await pdfOf(issued.code)).toContain(`(${cohortName.replace(/\s/g, '')}).`);

    const renamed = await call(t, world.institutionAdmin, 'patch', `/api/studio/cohorts/${cohort.id}`).send({
      version: cohort.version,
      name: `${cohortName} (renamed)`,
    });
    expect(renamed.status).toBe(200);
    const after = (await certificateOf(course.id, done))!;
    expect(after).toEqual(issued);
    expect(await pdfOf(issued.code)).not.toContain('(renamed)');
    expect((await finished(created.body.id)).cohort).toEqual({ id: cohort.id, name: cohortName });

    // Correcting the learner's name later keeps the cohort the certificate named.
    const reissued = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/certificates/${issued.id}/reissue`,
    ).send({ learnerName: 'Corrected Name', reason: 'Typo in the name' });
    expect(reissued.status).toBe(201);
    const corrected = (await certificateOf(course.id, done))!;
    expect(corrected.id).not.toBe(issued.id);
    expect(corrected.cohortName).toBe(cohortName);

    // A batch for everyone still names each learner's own cohort, and none for the outsider.
    const all = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/courses/${course.id}/certificate-batches`,
    ).send({ reason: 'Everyone else' });
    expect(all.status).toBe(202);
    expect(all.body.cohort).toBeNull();
    const everyone = await finished(all.body.id);
    expect(everyone.items.find((item) => item.userId === outsider.userId)?.outcome).toBe('issued');
    const outsiders = (await certificateOf(course.id, outsider.userId))!;
    expect(outsiders.cohortName).toBeNull();
    // No cohort: the bracketed placeholder goes away rather than leaving "()".
    expect(credentialNarrative(outsiders.credentialJws)).toBe(
      `This is to certify that Outside Learner completed “${course.title}”.`,
    );
    expect(await pdfOf(outsiders.code)).not.toContain('()');
  });

  it('names the cohort the learner joined last of those with the course, on completion and on approval', async () => {
    const course = await courseNamingCohort();
    const otherCourse = await courseNamingCohort();
    const first = await createCohort(t, world, { courseIds: [course.id] });
    const second = await createCohort(t, world, { courseIds: [course.id] });
    const unrelated = await createCohort(t, world, { courseIds: [otherCourse.id] });
    const learner = await newLearner(t, 'Cohort Learner');
    const [{ email }] = (await db.query(`SELECT email FROM user_account WHERE id = $1`, [
      learner.userId,
    ])) as [{ email: string }];
    for (const cohort of [first, second, unrelated]) {
      expect(await addMember(t, world, cohort.id, { email })).toBe('enrolled');
    }
    await complete(t, learner, course);
    const automatic = (await certificateOf(course.id, learner.userId))!;
    expect(automatic.cohortName).toBe(second.name);

    const held = await courseNamingCohort({ issueMode: 'approval' });
    const heldCohort = await createCohort(t, world, { courseIds: [held.id] });
    expect(await addMember(t, world, heldCohort.id, { email })).toBe('enrolled');
    await complete(t, learner, held);
    const pending = (await certificateOf(held.id, learner.userId))!;
    expect(pending.cohortName).toBe(heldCohort.name);
    const approved = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/certificates/${pending.id}/approve`,
    );
    expect(approved.status).toBe(200);
    const signed = (await certificateOf(held.id, learner.userId))!;
    expect(credentialNarrative(signed.credentialJws)).toContain(`(${heldCohort.name}).`);
  });

  it('refuses a batch for a cohort that is unknown, of another institution, or without the course', async () => {
    const course = await courseNamingCohort();
    const elsewhere = await createCohort(
      t,
      world,
      { institutionId: otherInstitutionId, courseIds: [course.id] },
      otherAdmin,
    );
    const withoutCourse = await createCohort(t, world, { courseIds: [] });
    const post = (cohortId: string) =>
      call(t, world.institutionAdmin, 'post', `/api/studio/courses/${course.id}/certificate-batches`).send({
        reason: 'Cohort batch',
        cohortId,
      });

    for (const hidden of [randomUUID(), elsewhere.id]) {
      const res = await post(hidden);
      expect(res.status).toBe(404);
      expect(res.body.detail).toContain(hidden);
    }
    const refused = await post(withoutCourse.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'cohort-without-course',
      errors: [expect.objectContaining({ field: 'cohortId' })],
    });
    expect(refused.body.detail).toContain(withoutCourse.name);
    expect((await post('not-a-uuid')).status).toBe(400);
    const [{ count }] = (await db.query(
      `SELECT count(*)::int AS count FROM certificate_batch WHERE course_id = $1`,
      [course.id],
    )) as [{ count: number }];
    expect(count).toBe(0);
  });

  it('lists only the cohorts that include a course when asked by courseId', async () => {
    const course = await courseNamingCohort();
    const withIt = await createCohort(t, world, { courseIds: [course.id] });
    await createCohort(t, world, { courseIds: [] });
    const res = await call(t, world.institutionAdmin, 'get', `/api/studio/cohorts?courseId=${course.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([withIt.id]);
    expect(res.body.total).toBe(1);
    const hidden = await call(t, otherAdmin, 'get', `/api/studio/cohorts?courseId=${course.id}`);
    expect(hidden.body.items).toEqual([]);
    expect((await call(t, world.institutionAdmin, 'get', '/api/studio/cohorts?courseId=nope')).status).toBe(
      400,
    );
  });
});

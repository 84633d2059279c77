import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { CertificateBatchWorker } from '../src/certificates/batches/certificate-batch.worker.js';
import { SeedService } from '../src/seed/seed.service.js';
import {
  auditActions,
  createInstitutionWithAdmin,
  createPerson,
  demoInstitutionId,
} from './admin-fixtures.js';
import { publishedCourse } from './course-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

interface Batch {
  id: string;
  status: string;
  total: number | null;
  processed: number;
  issued: number;
  skipped: number;
  finishedAt: string | null;
  items: Array<{ userId: string; learnerName: string; outcome: string; certificateId: string | null }>;
}

describe('certificate batches', () => {
  let t: TestApp;
  let db: DataSource;
  let root: string;
  let lc: string;
  let trainer: TestSession;
  let admin: TestSession;
  let platformAdmin: TestSession;
  let learner: TestSession;
  let otherAdmin: TestSession;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'archipelago-cert-batch-'));
    t = await createTestApp({ FILE_STORAGE_DIR: root });
    db = t.app.get(DataSource);
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    admin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    platformAdmin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    const other = await createInstitutionWithAdmin(t, 'batch-other');
    otherAdmin = await signIn(t, other.admin.email, other.admin.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A published course with `completed` learners who finished it and `started` who did not. */
  async function courseWithLearners(completed: number, started: number) {
    const course = await publishedCourse(t, trainer, lc, { modules: 1, lessons: 1 });
    const [version] = (await db.query(`SELECT id FROM course_version WHERE course_id = $1`, [course.id])) as {
      id: string;
    }[];
    const learners: { id: string; completed: boolean }[] = [];
    for (let i = 0; i < completed + started; i++) {
      const person = await createPerson(t, undefined, `batch-learner-${i}`);
      const done = i < completed;
      await db.query(
        `INSERT INTO enrolment (course_id, user_id, version_id, source, completed_at)
         VALUES ($1, $2, $3, 'staff', $4)`,
        [course.id, person.id, version!.id, done ? new Date('2026-11-02T10:00:00Z') : null],
      );
      learners.push({ id: person.id, completed: done });
    }
    return { courseId: course.id, learners };
  }

  async function finished(batchId: string, session = admin): Promise<Batch> {
    for (let i = 0; i < 200; i++) {
      const res = await call(t, session, 'get', `/api/studio/certificate-batches/${batchId}`);
      expect(res.status).toBe(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body as Batch;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`batch ${batchId} did not finish`);
  }

  it('issues to everyone who completed, reports why the others got none, and is audited', async () => {
    const { courseId, learners } = await courseWithLearners(5, 3);
    const created = await call(t, admin, 'post', `/api/studio/courses/${courseId}/certificate-batches`).send({
      reason: 'End of the 2026 intake',
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      courseId,
      status: expect.stringMatching(/^(queued|running|done)$/),
      reason: 'End of the 2026 intake',
      requestedBy: { id: admin.userId },
    });

    const batch = await finished(created.body.id);
    expect(batch).toMatchObject({ status: 'done', total: 8, processed: 8, issued: 5, skipped: 3 });
    expect(batch.finishedAt).not.toBeNull();
    const outcomes = Object.fromEntries(batch.items.map((item) => [item.userId, item.outcome]));
    for (const l of learners) expect(outcomes[l.id]).toBe(l.completed ? 'issued' : 'not_completed');
    expect(batch.items.every((item) => item.learnerName.startsWith('Test batch-learner'))).toBe(true);

    const certificates = (await db.query(
      `SELECT issue_source, issue_reason, issued_by FROM certificate WHERE course_id = $1`,
      [courseId],
    )) as { issue_source: string; issue_reason: string; issued_by: string }[];
    expect(certificates).toHaveLength(5);
    expect(
      certificates.every((c) => c.issue_source === 'batch' && c.issue_reason === 'End of the 2026 intake'),
    ).toBe(true);
    expect(certificates.every((c) => c.issued_by === admin.userId)).toBe(true);
    expect((await auditActions(t, created.body.id)).map((a) => a.action)).toEqual([
      'certificate_batch.requested',
    ]);

    // The PDFs were drawn by the job: downloading one is served from storage.
    const issuedItem = batch.items.find((item) => item.outcome === 'issued')!;
    const [{ code }] = (await db.query(`SELECT code FROM certificate WHERE id = $1`, [
      issuedItem.certificateId,
    ])) as [{ code: string }];
    const pdf = await t.http.get(`/api/verify/${code}/pdf`);
    expect(pdf.status).toBe(200);

    const second = await call(t, admin, 'post', `/api/studio/courses/${courseId}/certificate-batches`).send({
      reason: 'Again, by mistake',
    });
    expect(second.status).toBe(202);
    const again = await finished(second.body.id);
    expect(again).toMatchObject({ status: 'done', total: 8, processed: 8, issued: 0, skipped: 8 });
    const againOutcomes = Object.fromEntries(again.items.map((item) => [item.userId, item.outcome]));
    for (const l of learners)
      expect(againOutcomes[l.id]).toBe(l.completed ? 'already_has_one' : 'not_completed');

    const list = await call(t, admin, 'get', `/api/studio/courses/${courseId}/certificate-batches`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([second.body.id, created.body.id]);
  });

  it('records one learner’s failure as that learner’s outcome, not the batch’s', async () => {
    const { courseId, learners } = await courseWithLearners(3, 0);
    // The database refuses this one learner's certificate, as a broken row or a lost connection would.
    await db.query(`CREATE FUNCTION refuse_certificate() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await db.query(`CREATE TRIGGER refuse_certificate BEFORE INSERT ON certificate FOR EACH ROW
      WHEN (NEW.user_id = '${learners[1]!.id}') EXECUTE FUNCTION refuse_certificate()`);
    const created = await call(
      t,
      platformAdmin,
      'post',
      `/api/studio/courses/${courseId}/certificate-batches`,
    ).send({
      reason: 'Completions',
    });
    expect(created.status).toBe(202);
    const batch = await finished(created.body.id, platformAdmin);
    expect(batch).toMatchObject({ status: 'done', processed: 3, issued: 2, skipped: 1 });
    expect(batch.items.find((item) => item.userId === learners[1]!.id)?.outcome).toBe('failed');
    await db.query(`DROP TRIGGER refuse_certificate ON certificate`);
    await db.query(`DROP FUNCTION refuse_certificate()`);
  });

  it('refuses a second batch while one is unfinished (409), and resumes a stopped one where it was', async () => {
    const { courseId, learners } = await courseWithLearners(3, 1);
    // A batch left running by a process that died two minutes ago, after its first learner.
    const [{ id }] = (await db.query(
      `INSERT INTO certificate_batch (course_id, requested_by, reason, status, started_at, heartbeat_at, total)
       VALUES ($1, $2, 'Before the crash', 'running', now() - interval '3 minutes', now() - interval '2 minutes', 4)
       RETURNING id`,
      [courseId, admin.userId],
    )) as [{ id: string }];
    await db.query(
      `INSERT INTO certificate_batch_item (batch_id, user_id, outcome) VALUES ($1, $2, 'disabled')`,
      [id, learners[0]!.id],
    );
    const refused = await call(t, admin, 'post', `/api/studio/courses/${courseId}/certificate-batches`).send({
      reason: 'Another',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.batchId).toBe(id);

    t.app.get(CertificateBatchWorker).kick();
    const batch = await finished(id);
    expect(batch).toMatchObject({ status: 'done', total: 4, processed: 4, issued: 2, skipped: 2 });
    // The learner gone through before the crash was not gone through again.
    expect(batch.items.find((item) => item.userId === learners[0]!.id)?.outcome).toBe('disabled');
  });

  it('stops cleanly when the application shuts down mid-batch, and another process finishes it', async () => {
    const { courseId } = await courseWithLearners(40, 0);
    const other = await createTestApp({ FILE_STORAGE_DIR: root });
    let closed = false;
    try {
      const otherAdmin = await signIn(other, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
      const created = await call(
        other,
        otherAdmin,
        'post',
        `/api/studio/courses/${courseId}/certificate-batches`,
      ).send({
        reason: 'Interrupted',
      });
      expect(created.status).toBe(202);
      const started = performance.now();
      await other.close();
      closed = true;
      // The learner in hand is finished, then the batch goes back to the queue: no long wait.
      expect(performance.now() - started).toBeLessThan(10_000);
      const [stopped] = (await db.query(`SELECT status, processed FROM certificate_batch WHERE id = $1`, [
        created.body.id,
      ])) as [{ status: string; processed: number }];
      // Back in the queue, unless this test's own application has already taken it up again.
      expect(['queued', 'running']).toContain(stopped.status);
      expect(stopped.processed).toBeLessThan(40);
      const batch = await finished(created.body.id);
      expect(batch).toMatchObject({ status: 'done', total: 40, processed: 40, issued: 40, skipped: 0 });
      const [{ certificates }] = (await db.query(
        `SELECT count(*)::int AS certificates FROM certificate WHERE course_id = $1`,
        [courseId],
      )) as [{ certificates: number }];
      expect(certificates).toBe(40);
    } finally {
      if (!closed) await other.close();
    }
  });

  it('counts two simultaneous requests for a course as one batch and one 409', async () => {
    const { courseId } = await courseWithLearners(1, 0);
    const answers = await Promise.all(
      [1, 2].map((n) =>
        call(t, admin, 'post', `/api/studio/courses/${courseId}/certificate-batches`).send({
          reason: `Request ${n}`,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    // The first may already be done when the second looks: then both are accepted, one after the other.
    expect([
      [202, 409],
      [202, 202],
    ]).toContainEqual(statuses);
    const [{ unfinished }] = (await db.query(
      `SELECT count(*)::int AS unfinished FROM certificate_batch WHERE course_id = $1 AND status IN ('queued', 'running')`,
      [courseId],
    )) as [{ unfinished: number }];
    expect(unfinished).toBeLessThanOrEqual(1);
  });

  describe('who may call each route', () => {
    let courseId: string;
    let batchId: string;
    beforeAll(async () => {
      courseId = (await courseWithLearners(1, 0)).courseId;
      const created = await call(
        t,
        admin,
        'post',
        `/api/studio/courses/${courseId}/certificate-batches`,
      ).send({
        reason: 'Access checks',
      });
      batchId = created.body.id as string;
      await finished(batchId);
    });

    const routes = () => [
      {
        method: 'post' as const,
        path: `/api/studio/courses/${courseId}/certificate-batches`,
        body: { reason: 'x' },
      },
      { method: 'get' as const, path: `/api/studio/courses/${courseId}/certificate-batches` },
      { method: 'get' as const, path: `/api/studio/certificate-batches/${batchId}` },
    ];

    it('refuses anonymous callers, learners and trainers, and hides the course from other institutions', async () => {
      const sameTrainer = await createPerson(
        t,
        { institutionId: lc, role: InstitutionRole.Trainer },
        'batch-trainer',
      );
      const trainerOnly = await signIn(t, sameTrainer.email, sameTrainer.password);
      for (const route of routes()) {
        const as = (session: TestSession | undefined) =>
          call(t, session, route.method, route.path).send(route.body);
        expect({ route, status: (await as(undefined)).status }).toEqual({ route, status: 401 });
        expect({ route, status: (await as(learner)).status }).toEqual({ route, status: 403 });
        expect({ route, status: (await as(trainerOnly)).status }).toEqual({ route, status: 403 });
        expect({ route, status: (await as(otherAdmin)).status }).toEqual({ route, status: 404 });
      }
      const unknown = await call(t, admin, 'get', `/api/studio/certificate-batches/${randomUUID()}`);
      expect(unknown.status).toBe(404);
    });

    it('lets the course institution’s admin and platform admins through', async () => {
      for (const session of [admin, platformAdmin]) {
        for (const route of routes().slice(1)) {
          const res = await call(t, session, route.method, route.path);
          expect({ route, status: res.status }).toEqual({ route, status: 200 });
        }
      }
      const created = await call(
        t,
        platformAdmin,
        'post',
        `/api/studio/courses/${courseId}/certificate-batches`,
      ).send({
        reason: 'By the platform admin',
      });
      expect(created.status).toBe(202);
      await finished(created.body.id);
      const bad = await call(t, admin, 'post', `/api/studio/courses/${courseId}/certificate-batches`).send({
        reason: '',
      });
      expect(bad.status).toBe(400);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { FILE_STORAGE, type FileStorage } from '../src/files/file-storage.js';
import { CompletionListener } from '../src/certificates/issuing/completion-listener.js';
import { RecentVerifications } from '../src/certificates/verification/recent-verifications.js';
import { auditActions, createInstitutionWithAdmin } from './admin-fixtures.js';
import {
  certificateCourse,
  certificatesOf,
  certificateWorld,
  clientAddress,
  complete,
  enrol,
  issuedCertificate,
  newLearner,
  setCertificateSettings,
  type CertificateWorld,
} from './certificate-fixtures.js';
import { call, signIn } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('certificates: issuing, approval, revocation, re-issue, expiry', () => {
  let t: TestApp;
  let db: DataSource;
  let world: CertificateWorld;
  const verify = (code: string) => t.http.get(`/api/verify/${code}`).set('x-forwarded-for', clientAddress());

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await certificateWorld(t);
  });
  afterAll(() => t.close());

  it('issues a signed certificate when a learner completes a course that gives them automatically', async () => {
    const course = await certificateCourse(t, world);
    const learner = await newLearner(t);
    await complete(t, learner, course);

    const mine = await call(t, learner, 'get', '/api/me/certificates');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    const certificate = mine.body.items[0];
    expect(certificate).toMatchObject({
      state: 'issued',
      status: 'valid',
      courseId: course.id,
      courseSlug: course.slug,
      courseTitle: 'Open government data',
      expiresAt: null,
      revokedAt: null,
      supersededAt: null,
    });
    expect(certificate.code).toMatch(CODE);
    const bare = (certificate.code as string).replace(/-/g, '');
    expect(certificate.verificationUrl).toBe(`http://localhost:3000/verify/${bare}`);
    expect(certificate.credentialUrl).toBe(`http://localhost:3000/api/verify/${bare}/credential`);
    expect(certificate.pdfUrl).toBe(`http://localhost:3000/api/verify/${bare}/pdf`);
    const linkedIn = new URL(certificate.linkedInUrl as string);
    expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(linkedIn.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Open government data',
      organizationName: expect.stringContaining('Training'),
      issueYear: String(new Date(certificate.issuedAt as string).getUTCFullYear()),
      issueMonth: String(new Date(certificate.issuedAt as string).getUTCMonth() + 1),
      certUrl: certificate.verificationUrl,
      certId: certificate.code,
    });

    // What was copied in at issue: name, course, hours, institution, completion.
    const [row] = (await db.query(
      `SELECT learner_name, course_title, course_hours::float8 AS hours, institution_name, language, issue_source,
              completed_at, kid, credential_jws FROM certificate WHERE id = $1`,
      [certificate.id],
    )) as Record<string, unknown>[];
    expect(row).toMatchObject({
      learner_name: 'Ana María Pérez-Łukasiewicz',
      course_title: 'Open government data',
      hours: 12.5,
      language: 'en',
      issue_source: 'automatic',
    });
    expect(String(row!.credential_jws).split('.')).toHaveLength(3);
    expect(await auditActions(t, certificate.id as string)).toEqual([
      expect.objectContaining({ action: 'certificate.issued' }),
    ]);

    // Later changes to the account do not change the certificate.
    await db.query(`UPDATE user_account SET display_name = 'Someone Else' WHERE id = $1`, [learner.userId]);
    expect((await verify(bare)).body.learnerName).toBe('Ana María Pérez-Łukasiewicz');
  });

  it('issues once however often completion is announced, and catches up missed completions at start', async () => {
    const course = await certificateCourse(t, world, { enabled: false });
    const learner = await newLearner(t);
    await complete(t, learner, course);
    expect(await certificatesOf(t, learner.userId, course.id)).toEqual([]);

    // Turned on later: the start-up catch-up gives the certificate the completion earned.
    await setCertificateSettings(t, course.id, { enabled: true });
    const listener = t.app.get(CompletionListener);
    await listener.catchUp();
    await listener.catchUp();
    const again = await listener.onCourseCompleted({
      type: 'course.completed',
      subjectId: learner.userId,
      payload: {
        enrolmentId: '',
        userId: learner.userId,
        courseId: course.id,
        versionId: '',
        completedAt: new Date().toISOString(),
      },
    });
    expect(again).toBeUndefined();
    const certificates = await certificatesOf(t, learner.userId, course.id);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.state).toBe('issued');
  });

  it('issues nothing for a course with certificates turned off', async () => {
    const course = await certificateCourse(t, world, { enabled: false });
    const learner = await newLearner(t);
    await complete(t, learner, course);
    expect(await certificatesOf(t, learner.userId, course.id)).toEqual([]);
    const res = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/courses/${course.id}/certificates`,
    ).send({
      userId: learner.userId,
      reason: 'Asked for it',
    });
    expect(res.status).toBe(409);
  });

  it('holds certificates for approval when the course asks, then approves or declines them', async () => {
    const course = await certificateCourse(t, world, { issueMode: 'approval' });
    const first = await newLearner(t);
    const second = await newLearner(t);
    await complete(t, first, course);
    await complete(t, second, course);

    const mine = await call(t, first, 'get', '/api/me/certificates');
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        state: 'pending',
        status: null,
        code: null,
        verificationUrl: null,
        pdfUrl: null,
        linkedInUrl: null,
      }),
    ]);
    const [held] = await certificatesOf(t, first.userId, course.id);
    // A pending certificate is not public.
    expect((await verify(held!.code)).status).toBe(404);

    const pending = await call(
      t,
      world.institutionAdmin,
      'get',
      `/api/studio/courses/${course.id}/certificates?state=pending`,
    );
    expect(pending.status).toBe(200);
    expect(pending.body.total).toBe(2);

    const approved = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/certificates/${held!.id}/approve`,
    ).send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'issued',
      status: 'valid',
      issuedBy: { id: world.institutionAdmin.userId },
    });
    expect((await verify(held!.code)).body.status).toBe('valid');
    expect(
      (await call(t, world.institutionAdmin, 'post', `/api/studio/certificates/${held!.id}/approve`).send({}))
        .status,
    ).toBe(409);
    expect(
      (
        await call(t, world.institutionAdmin, 'post', `/api/studio/certificates/${held!.id}/decline`).send({
          reason: 'No',
        })
      ).status,
    ).toBe(409);

    const [other] = await certificatesOf(t, second.userId, course.id);
    const declined = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/certificates/${other!.id}/decline`,
    ).send({
      reason: 'Attendance was not confirmed',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', declineReason: 'Attendance was not confirmed' });
    expect((await verify(other!.code)).status).toBe(404);
    expect((await auditActions(t, held!.id)).map((e) => e.action)).toEqual([
      'certificate.held',
      'certificate.approved',
    ]);
    expect((await auditActions(t, other!.id)).map((e) => e.action)).toEqual([
      'certificate.held',
      'certificate.declined',
    ]);
    // Declined, the learner may be given one again by hand.
    const reissued = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/courses/${course.id}/certificates`,
    ).send({
      userId: second.userId,
      reason: 'Attendance confirmed after all',
    });
    expect(reissued.status).toBe(201);
    expect(reissued.body).toMatchObject({
      state: 'issued',
      issueSource: 'admin',
      issueReason: 'Attendance confirmed after all',
    });
  });

  it('lets an administrator issue for one learner: 422 before completion, 409 with one already, 404 when not enrolled', async () => {
    const course = await certificateCourse(t, world, { issueMode: 'approval' });
    const admin = world.institutionAdmin;
    const issueFor = (userId: string) =>
      call(t, admin, 'post', `/api/studio/courses/${course.id}/certificates`).send({
        userId,
        reason: 'Completed offline',
      });

    const enrolled = await newLearner(t);
    await enrol(t, enrolled, course);
    const early = await issueFor(enrolled.userId);
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/not completed/);

    const stranger = await newLearner(t);
    const notEnrolled = await issueFor(stranger.userId);
    expect(notEnrolled.status).toBe(404);

    const done = await newLearner(t);
    await complete(t, done, course); // held for approval
    const held = await issueFor(done.userId);
    expect(held.status).toBe(409);

    const eligible = await call(t, admin, 'get', `/api/studio/courses/${course.id}/certificates/eligible`);
    expect(eligible.status).toBe(200);
    expect(eligible.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: enrolled.userId, completedAt: null, certificateId: null }),
        expect.objectContaining({ userId: done.userId, certificateId: held.body.certificateId }),
      ]),
    );

    await db.query(`UPDATE enrolment SET completed_at = now() WHERE user_id = $1 AND course_id = $2`, [
      enrolled.userId,
      course.id,
    ]);
    const issued = await issueFor(enrolled.userId);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      state: 'issued',
      status: 'valid',
      userId: enrolled.userId,
      learnerName: 'Ana María Pérez-Łukasiewicz',
      issueSource: 'admin',
      issueReason: 'Completed offline',
      issuedBy: { id: admin.userId },
      templateVersion: 1,
    });
    expect(issued.body.code).toMatch(CODE);
    expect((await issueFor(enrolled.userId)).status).toBe(409);
    expect(
      (
        await call(t, admin, 'post', `/api/studio/courses/${course.id}/certificates`).send({
          userId: 'nope',
          reason: 'x',
        })
      ).status,
    ).toBe(400);
  });

  it('revokes once (409 the second time), shows the reason only when allowed, and lists by status', async () => {
    const { course, certificate } = await issuedCertificate(t, world);
    const admin = world.institutionAdmin;
    const revoke = (body: object) =>
      call(t, admin, 'post', `/api/studio/certificates/${certificate.id}/revoke`).send(body);

    expect((await revoke({ reason: '', reasonPublic: false })).status).toBe(400);
    const revoked = await revoke({ reason: 'Issued by mistake', reasonPublic: false });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'Issued by mistake' });
    const seen = await verify(certificate.code);
    expect(seen.body).toMatchObject({ status: 'revoked', revocationReason: null });
    expect(seen.body.revokedAt).toEqual(expect.any(String));

    const twice = await revoke({ reason: 'Again', reasonPublic: true });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/already revoked/);
    expect((await auditActions(t, certificate.id)).map((e) => e.action)).toEqual([
      'certificate.issued',
      'certificate.revoked',
    ]);

    const other = await issuedCertificate(t, world, course);
    await call(t, admin, 'post', `/api/studio/certificates/${other.certificate.id}/revoke`).send({
      reason: 'Academic misconduct',
      reasonPublic: true,
    });
    expect((await verify(other.certificate.code)).body.revocationReason).toBe('Academic misconduct');

    const list = await call(
      t,
      admin,
      'get',
      `/api/studio/courses/${course.id}/certificates?status=revoked&pageSize=10`,
    );
    expect(list.body.total).toBe(2);
    const valid = await call(t, admin, 'get', `/api/studio/courses/${course.id}/certificates?status=valid`);
    expect(valid.body.total).toBe(0);
    const byCode = await call(
      t,
      admin,
      'get',
      `/api/studio/courses/${course.id}/certificates?q=${other.certificate.code}`,
    );
    expect(byCode.body.items.map((c: { id: string }) => c.id)).toEqual([other.certificate.id]);
    // The learner may get a new one after a revocation.
    const again = await call(t, admin, 'post', `/api/studio/courses/${course.id}/certificates`).send({
      userId: other.learner.userId,
      reason: 'Cleared on appeal',
    });
    expect(again.status).toBe(201);
  });

  it('re-issues after a name correction: the old one says superseded, the new one valid', async () => {
    const { certificate, learner } = await issuedCertificate(t, world, undefined, 'Ana Maria Perez');
    const admin = world.institutionAdmin;
    const res = await call(t, admin, 'post', `/api/studio/certificates/${certificate.id}/reissue`).send({
      learnerName: 'Ana María Pérez-Łukasiewicz',
      reason: 'Accents were missing',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'issued',
      status: 'valid',
      learnerName: 'Ana María Pérez-Łukasiewicz',
      issueSource: 'reissue',
    });
    expect(res.body.id).not.toBe(certificate.id);

    const old = await verify(certificate.code);
    expect(old.body).toMatchObject({ status: 'superseded', learnerName: 'Ana Maria Perez' });
    expect(old.body.supersededAt).toEqual(expect.any(String));
    const fresh = await verify(res.body.code as string);
    expect(fresh.body).toMatchObject({ status: 'valid', learnerName: 'Ana María Pérez-Łukasiewicz' });

    const [stored] = (await db.query(`SELECT superseded_by FROM certificate WHERE id = $1`, [
      certificate.id,
    ])) as {
      superseded_by: string;
    }[];
    expect(stored!.superseded_by).toBe(res.body.id);
    expect(
      (
        await call(t, admin, 'post', `/api/studio/certificates/${certificate.id}/reissue`).send({
          learnerName: 'X',
          reason: 'Again',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(t, admin, 'post', `/api/studio/certificates/${certificate.id}/revoke`).send({
          reason: 'x',
          reasonPublic: false,
        })
      ).status,
    ).toBe(409);
    const mine = await call(t, learner, 'get', '/api/me/certificates');
    expect(mine.body.items.map((c: { status: string }) => c.status)).toEqual(['valid', 'superseded']);
    expect((await auditActions(t, certificate.id)).map((e) => e.action)).toEqual([
      'certificate.issued',
      'certificate.reissued',
    ]);
  });

  it('sets the expiry from the course setting and reports expired certificates', async () => {
    const course = await certificateCourse(t, world, { validityMonths: 12 });
    const { certificate } = await issuedCertificate(t, world, course);
    const seen = await verify(certificate.code);
    const issued = new Date(seen.body.issuedAt as string);
    const expires = new Date(seen.body.expiresAt as string);
    expect(expires.getUTCFullYear() - issued.getUTCFullYear()).toBe(1);
    expect(expires.getUTCMonth()).toBe(issued.getUTCMonth());
    expect(seen.body.status).toBe('valid');

    await db.query(
      `UPDATE certificate SET issued_at = now() - interval '2 years', expires_at = now() - interval '1 year' WHERE id = $1`,
      [certificate.id],
    );
    // Changed behind the application's back: the verification route would see it within a second.
    t.app.get(RecentVerifications).forget(certificate.code);
    expect((await verify(certificate.code)).body.status).toBe('expired');
    const listed = await call(
      t,
      world.institutionAdmin,
      'get',
      `/api/studio/courses/${course.id}/certificates?status=expired`,
    );
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
    const reissue = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/certificates/${certificate.id}/reissue`,
    ).send({
      learnerName: 'New',
      reason: 'Name',
    });
    expect(reissue.status).toBe(409);
  });

  it("answers unknown and other institutions' certificates with the same 404", async () => {
    const { course, certificate } = await issuedCertificate(t, world);
    const other = await createInstitutionWithAdmin(t, 'cert-other');
    const otherAdmin = await signIn(t, other.admin.email, other.admin.password);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [certificate.id, unknown]) {
      const res = await call(t, otherAdmin, 'post', `/api/studio/certificates/${id}/revoke`).send({
        reason: 'x',
        reasonPublic: false,
      });
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe(`There is no certificate with id ${id} that you may manage.`);
    }
    expect((await call(t, otherAdmin, 'get', `/api/studio/courses/${course.id}/certificates`)).status).toBe(
      404,
    );
  });

  it('refuses control characters and blank reasons with 400 (a NUL would fail in the database as a 500)', async () => {
    const { course, certificate } = await issuedCertificate(t, world);
    const template = {
      expectedVersion: 1,
      title: 'Certificate',
      body: 'Given to {{learnerName}}.\nWell done.',
      language: 'en',
      orientation: 'landscape',
      logoFileIds: [],
      signatories: [{ name: 'Ada Lovelace', title: 'Director', signatureFileId: null }],
    };
    const refused: [string, 'post' | 'put', string, object, string][] = [
      [
        'reissue name',
        'post',
        `/api/studio/certificates/${certificate.id}/reissue`,
        { learnerName: 'Ana\u0000', reason: 'Typo' },
        'learnerName',
      ],
      [
        'reissue name on two lines',
        'post',
        `/api/studio/certificates/${certificate.id}/reissue`,
        { learnerName: 'Ana\nMaría', reason: 'Typo' },
        'learnerName',
      ],
      [
        'revoke reason',
        'post',
        `/api/studio/certificates/${certificate.id}/revoke`,
        { reason: 'x\u0000', reasonPublic: true },
        'reason',
      ],
      [
        'batch reason',
        'post',
        `/api/studio/courses/${course.id}/certificate-batches`,
        { reason: 'x\u0007' },
        'reason',
      ],
      [
        'blank batch reason',
        'post',
        `/api/studio/courses/${course.id}/certificate-batches`,
        { reason: '   ' },
        'reason',
      ],
      [
        'template title',
        'put',
        `/api/studio/courses/${course.id}/certificate-template`,
        { ...template, title: 'A\u0000' },
        'title',
      ],
      [
        'template body',
        'put',
        `/api/studio/courses/${course.id}/certificate-template`,
        { ...template, body: 'A\u001b[31m' },
        'body',
      ],
      [
        'signatory name',
        'put',
        `/api/studio/courses/${course.id}/certificate-template`,
        { ...template, signatories: [{ name: 'A\u0000', title: 'T', signatureFileId: null }] },
        'signatories.0.name',
      ],
    ];
    for (const [label, method, path, body, field] of refused) {
      const res = await call(t, world.institutionAdmin, method, path).send(body);
      expect({
        label,
        status: res.status,
        fields: res.body.errors?.map((e: { field: string }) => e.field),
      }).toEqual({
        label,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    // Line breaks stay allowed where people write paragraphs.
    const saved = await call(
      t,
      world.institutionAdmin,
      'put',
      `/api/studio/courses/${course.id}/certificate-template`,
    ).send(template);
    expect([201, 409]).toContain(saved.status);
    const revoked = await call(
      t,
      world.institutionAdmin,
      'post',
      `/api/studio/certificates/${certificate.id}/revoke`,
    ).send({
      reason: 'Issued by mistake.\nSee the ticket.',
      reasonPublic: false,
    });
    expect(revoked.status).toBe(200);
  });

  it('answers a page number past any list with 400, not a database error', async () => {
    const { course } = await issuedCertificate(t, world);
    const list = (page: string) =>
      call(t, world.institutionAdmin, 'get', `/api/studio/courses/${course.id}/certificates?page=${page}`);
    for (const page of ['99999999999999999999', '1000001', '1.5', 'abc', '0']) {
      const res = await list(page);
      expect({ page, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({
        page,
        status: 400,
        field: 'page',
      });
    }
    const last = await list('1000000');
    expect(last.status).toBe(200);
    expect(last.body.items).toEqual([]);
  });

  it('takes simultaneous decisions on one certificate in turn: one succeeds, the others get 409', async () => {
    const approvalCourse = await certificateCourse(t, world, { issueMode: 'approval' });
    const learner = await newLearner(t);
    await complete(t, learner, approvalCourse);
    const [held] = await certificatesOf(t, learner.userId, approvalCourse.id);
    const thrice = (action: string, id: string, body: object) =>
      Promise.all(
        [1, 2, 3].map(() =>
          call(t, world.institutionAdmin, 'post', `/api/studio/certificates/${id}/${action}`).send(body),
        ),
      ).then((answers) => answers.map((res) => res.status).sort());
    expect(await thrice('approve', held!.id, {})).toEqual([200, 409, 409]);
    expect(await thrice('reissue', held!.id, { learnerName: 'Ana Pérez', reason: 'Typo' })).toEqual([
      201, 409, 409,
    ]);
    const [live] = await certificatesOf(t, learner.userId, approvalCourse.id);
    expect(await thrice('revoke', live!.id, { reason: 'Mistake', reasonPublic: false })).toEqual([
      200, 409, 409,
    ]);
    expect(await auditActions(t, held!.id)).toEqual([
      expect.objectContaining({ action: 'certificate.held' }),
      expect.objectContaining({ action: 'certificate.approved' }),
      expect.objectContaining({ action: 'certificate.reissued' }),
    ]);
  });

  it('stores the PDF and draws it again when the stored file is gone', async () => {
    const { certificate } = await issuedCertificate(t, world);
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    const get = () =>
      t.http.get(`/api/verify/${certificate.code}/pdf`).set('x-forwarded-for', clientAddress());
    const first = await get().buffer(true);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toMatch(/^attachment; filename="certificate-.{19}\.pdf"$/);
    expect((first.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    await storage.delete(`certificates/${certificate.id}.pdf`);
    const again = await get().buffer(true);
    expect(again.status).toBe(200);
    expect((again.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const stored = await storage.get(`certificates/${certificate.id}.pdf`);
    stored.destroy();
  });
});

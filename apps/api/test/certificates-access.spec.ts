import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createInstitutionWithAdmin } from './admin-fixtures.js';
import {
  certificateCourse,
  certificatesOf,
  certificateWorld,
  clientAddress,
  complete,
  issuedCertificate,
  newLearner,
  type CertificateCourse,
  type CertificateWorld,
} from './certificate-fixtures.js';
import { call, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Who may call every certificate route, and who may not: anonymous, a learner (who holds a
 * certificate), a trainer and an institution admin of the course's institution, another
 * institution's admin, a platform admin. Each caller works on targets of their own, so one
 * caller's success never decides another's answer.
 */
const CALLERS = ['anonymous', 'learner', 'trainer', 'sameAdmin', 'otherAdmin', 'platformAdmin'] as const;
type Caller = (typeof CALLERS)[number];

describe('certificates: who may call each route', () => {
  let t: TestApp;
  let world: CertificateWorld;
  let course: CertificateCourse;
  let approvalCourse: CertificateCourse;
  const sessions = new Map<Caller, TestSession | undefined>();

  beforeAll(async () => {
    t = await createTestApp();
    world = await certificateWorld(t);
    course = await certificateCourse(t, world);
    approvalCourse = await certificateCourse(t, world, { issueMode: 'approval' });
    const other = await createInstitutionWithAdmin(t, 'cert-access');
    sessions.set('anonymous', undefined);
    sessions.set('trainer', world.trainer);
    sessions.set('sameAdmin', world.institutionAdmin);
    sessions.set('platformAdmin', world.platformAdmin);
    sessions.set('otherAdmin', await signIn(t, other.admin.email, other.admin.password));
    // The learner holds a certificate of the course, and still may not manage it.
    const holder = await issuedCertificate(t, world, course);
    sessions.set('learner', holder.learner);
  });
  afterAll(() => t.close());

  /** Each caller's answer to a request built afresh for them. */
  async function answers(
    request: (session: TestSession | undefined, caller: Caller) => Promise<{ status: number }>,
  ): Promise<Record<Caller, number>> {
    const result = {} as Record<Caller, number>;
    for (const caller of CALLERS) result[caller] = (await request(sessions.get(caller), caller)).status;
    return result;
  }

  const ADMINS_ONLY = (ok: number) => ({
    anonymous: 401,
    learner: 403,
    trainer: 403,
    sameAdmin: ok,
    otherAdmin: 404,
    platformAdmin: ok,
  });

  it('lets anyone verify, download and check certificates, and read the keys, issuer and status lists', async () => {
    const { certificate } = await issuedCertificate(t, world, course);
    const list = Math.floor(certificate.statusIndex / 131072) + 1;
    for (const path of [
      `/api/verify/${certificate.code}`,
      `/api/verify/${certificate.code}/credential`,
      `/api/verify/${certificate.code}/pdf`,
      `/api/credentials/status/${list}`,
      '/api/credentials/jwks',
      '/api/credentials/issuer',
      '/.well-known/jwks.json',
    ]) {
      const got = await answers((session) =>
        call(t, session, 'get', path).set('x-forwarded-for', clientAddress()),
      );
      expect({ path, got }).toEqual({
        path,
        got: {
          anonymous: 200,
          learner: 200,
          trainer: 200,
          sameAdmin: 200,
          otherAdmin: 200,
          platformAdmin: 200,
        },
      });
    }
  });

  it("gives signed-in people their own certificates only, and nobody's to the anonymous", async () => {
    const got = await answers(async (session, caller) => {
      const res = await call(t, session, 'get', '/api/me/certificates');
      if (caller === 'learner') expect(res.body.items).toHaveLength(1);
      else if (session) expect(res.body.items).toEqual([]);
      return res;
    });
    expect(got).toEqual({
      anonymous: 401,
      learner: 200,
      trainer: 200,
      sameAdmin: 200,
      otherAdmin: 200,
      platformAdmin: 200,
    });
  });

  it('lets only platform admins rotate the issuer key, from a browser session', async () => {
    const got = await answers((session) => call(t, session, 'post', '/api/credentials/keys/rotate'));
    expect(got).toEqual({
      anonymous: 401,
      learner: 403,
      trainer: 403,
      sameAdmin: 403,
      otherAdmin: 403,
      platformAdmin: 200,
    });
    const token = await call(t, world.platformAdmin, 'post', '/api/me/tokens').send({
      name: 'rotation attempt',
      scopes: ['read', 'write'],
      expiresInDays: 1,
    });
    expect(token.status).toBe(201);
    const withToken = await t.http
      .post('/api/credentials/keys/rotate')
      .set('authorization', `Bearer ${token.body.token as string}`);
    expect(withToken.status).toBe(403);
  });

  it("lets the course institution's admins and platform admins list certificates and eligible learners", async () => {
    for (const path of [
      `/api/studio/courses/${course.id}/certificates`,
      `/api/studio/courses/${course.id}/certificates/eligible`,
    ]) {
      const got = await answers((session) => call(t, session, 'get', path));
      expect({ path, got }).toEqual({ path, got: ADMINS_ONLY(200) });
    }
  });

  it("lets the course institution's admins and platform admins issue for one learner", async () => {
    const got = await answers(async (session) => {
      const learner = await newLearner(t);
      await complete(t, learner, approvalCourse);
      const [pending] = await certificatesOf(t, learner.userId, approvalCourse.id);
      // Decline the held one first, so an allowed caller's issue can succeed.
      await t.app
        .get(DataSource)
        .query(`UPDATE certificate SET state = 'declined', declined_at = now() WHERE id = $1`, [pending!.id]);
      return call(t, session, 'post', `/api/studio/courses/${approvalCourse.id}/certificates`).send({
        userId: learner.userId,
        reason: 'Access test',
      });
    });
    expect(got).toEqual(ADMINS_ONLY(201));
  });

  it('lets only those administrators approve, decline, revoke and re-issue', async () => {
    const pending = async () => {
      const learner = await newLearner(t);
      await complete(t, learner, approvalCourse);
      const [held] = await certificatesOf(t, learner.userId, approvalCourse.id);
      return held!.id;
    };
    const issued = async () => (await issuedCertificate(t, world, course)).certificate.id;
    const cases: [string, () => Promise<string>, object, number][] = [
      ['approve', pending, {}, 200],
      ['decline', pending, { reason: 'Not eligible' }, 200],
      ['revoke', issued, { reason: 'Mistake', reasonPublic: false }, 200],
      ['reissue', issued, { learnerName: 'Corrected Name', reason: 'Typo' }, 201],
    ];
    for (const [action, target, body, ok] of cases) {
      // A refused call changes nothing, so the next caller may try the same certificate.
      let id = await target();
      const got = await answers(async (session) => {
        const res = await call(t, session, 'post', `/api/studio/certificates/${id}/${action}`).send(body);
        if (res.status === ok) id = await target();
        return res;
      });
      expect({ action, got }).toEqual({ action, got: ADMINS_ONLY(ok) });
    }
  });
});

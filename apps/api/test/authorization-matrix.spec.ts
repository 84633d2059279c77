import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { RouteTable } from '../src/common/access/route-table.js';
import { SeedService } from '../src/seed/seed.service.js';
import { createInstitutionWithAdmin, createPerson, demoInstitutionId } from './admin-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Every route × every kind of caller, with the answer each must get. The routes come from the
 * application's route table, so a new endpoint without an entry here fails this test.
 *
 * 'ok' means the caller got through (any answer but 401, 403, 404 or a 5xx: a 400 for a
 * deliberately incomplete body counts, since validation runs after the access guard); '404' is
 * what institution scoping answers for people outside the caller's institutions.
 */
const CALLERS = ['anonymous', 'learner', 'trainer', 'sameAdmin', 'otherAdmin', 'platformAdmin'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | '401' | '403' | '404';
type Expected = Record<Caller, Outcome>;

interface Call {
  params?: Record<string, string>;
  /** Query string parameters, such as the revision a DELETE carries. */
  query?: Record<string, string>;
  body?: object;
}

interface Entry {
  expect: Expected;
  /** Path parameters and body for one caller's request; fresh targets for routes that change state. */
  prepare?: (caller: Caller) => Promise<Call>;
  body?: object;
  /** The route ends the caller's session(s): use a session of its own. */
  freshSession?: boolean;
}

const row = (anonymous: Outcome, others: Partial<Expected>, rest: Outcome): Expected => ({
  anonymous,
  learner: rest,
  trainer: rest,
  sameAdmin: rest,
  otherAdmin: rest,
  platformAdmin: rest,
  ...others,
});
const PUBLIC = row('ok', {}, 'ok');
const SIGNED_IN = row('401', {}, 'ok');
/** Signed in, and the id in the path is nobody's (or someone else's): not found. */
const SIGNED_IN_NOT_FOUND = row('401', {}, '404');
const PLATFORM_ADMIN = row('401', { platformAdmin: 'ok' }, '403');
/** Institution admins of the institution in the path, and platform admins. */
const ADMIN_OF_INSTITUTION = row('401', { sameAdmin: 'ok', platformAdmin: 'ok' }, '403');
/** Its trainers too, read-only. */
const STAFF_OF_INSTITUTION = row('401', { trainer: 'ok', sameAdmin: 'ok', platformAdmin: 'ok' }, '403');
/** Any institution admin (the list is scoped), and platform admins. */
const ANY_ADMIN = row('401', { sameAdmin: 'ok', otherAdmin: 'ok', platformAdmin: 'ok' }, '403');
/** An account of the admin's institution: hidden (404) from another institution's admin. */
const ADMIN_OF_PERSON = row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403');
/** Anyone who authors courses somewhere (the list is scoped), and platform admins. */
const ANY_AUTHOR = row(
  '401',
  { trainer: 'ok', sameAdmin: 'ok', otherAdmin: 'ok', platformAdmin: 'ok' },
  '403',
);
/** A course of the demo institution: its trainers and admins; hidden (404) from another institution's admin. */
const AUTHOR_OF_COURSE = row(
  '401',
  { trainer: 'ok', sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' },
  '403',
);

/** A course's certificates: its institution's admins and platform admins; another institution's admin gets 404. */
const CERTIFICATE_ADMIN = row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403');
/** Certificate decisions on an unknown certificate (or learner): 404 to administrators; others are refused first. */
const NO_SUCH_CERTIFICATE = row('401', { learner: '403', trainer: '403' }, '404');

/** A certificate template body that passes validation. */
const matrixTemplate = {
  title: 'Certificate',
  body: '{{learnerName}} completed {{courseTitle}}.',
  language: 'en',
  orientation: 'landscape',
  logoFileIds: [],
  signatories: [],
};

/** Staff routes on an attempt that does not exist: 404 to staff; learners are refused first. */
const NO_SUCH_ATTEMPT = row('401', { learner: '403' }, '404');

describe('authorization matrix: every route × every role', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  const sessions = new Map<Caller, TestSession>();
  const accounts: Record<Exclude<Caller, 'anonymous'>, { email: string; password: string }> = {
    learner: DEMO.learner,
    trainer: DEMO.trainer,
    sameAdmin: DEMO.institutionAdmin,
    otherAdmin: DEMO.institutionAdmin, // replaced in beforeAll
    platformAdmin: DEMO.admin,
  };
  let invitationToken = '';
  let mailId = '';
  /** A course of the demo institution with one module holding one lesson; its revision is past 1. */
  const course = { id: '', moduleId: '', activityId: '' };
  /** Revision 1 is stale: authors get a 409 (through the guard, nothing changes), others a 404. */
  const stale = { revision: 1 };
  const ofCourse =
    (params: Record<string, string> = {}) =>
    async () => ({ params: { id: course.id, ...params } });

  /** A published course of the demo institution, made once, for the public course page. */
  let published = '';
  const publishedSlug = async () => {
    if (published) return published;
    const admin = sessions.get('platformAdmin');
    const slug = unique('matrix-published');
    const created = await call(t, admin, 'post', '/api/studio/courses').send({
      slug,
      title: 'Matrix published course',
      summary: 'Public.',
      language: 'en',
      institutionId: lc,
    });
    const id = created.body.id as string;
    const added = await call(t, admin, 'post', `/api/studio/courses/${id}/modules`).send({
      revision: 1,
      title: 'Module',
    });
    const lesson = await call(
      t,
      admin,
      'post',
      `/api/studio/courses/${id}/modules/${added.body.id}/activities`,
    ).send({
      revision: 2,
      kind: 'lesson',
      title: 'Lesson',
    });
    await call(t, admin, 'put', `/api/studio/lessons/${lesson.body.id}`).send({
      revision: 1,
      document: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi.' }] }] },
    });
    const res = await call(t, admin, 'post', `/api/studio/courses/${id}/publish`).send({
      revision: 3,
      changeLog: '',
    });
    expect(res.status).toBe(200);
    published = slug;
    return slug;
  };

  /** An image uploaded once for the demo institution, for the public file route. */
  let storedFile = '';
  const storedFileId = async () => {
    if (storedFile) return storedFile;
    const admin = sessions.get('platformAdmin')!;
    const res = await call(t, admin, 'post', `/api/studio/files?institutionId=${lc}`).attach(
      'file',
      Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
      'pixel.gif',
    );
    expect(res.status).toBe(201);
    storedFile = res.body.id as string;
    return storedFile;
  };

  /** A fresh pending request to join the matrix course, from a new learner. */
  const accessRequest = async () => {
    const person = await createPerson(t);
    const [row] = (await db.query(
      `INSERT INTO access_request (course_id, user_id) VALUES ($1, $2) RETURNING id`,
      [course.id, person.id],
    )) as { id: string }[];
    return row!.id;
  };

  /** A fresh question in the matrix course's bank, for routes that change or archive it. */
  const bankQuestion = async () => {
    const res = await call(
      t,
      sessions.get('platformAdmin'),
      'post',
      `/api/studio/courses/${course.id}/questions`,
    ).send({
      category: 'Matrix',
      tags: [],
      question: {
        type: 'essay',
        prompt: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why?' }] }] },
        generalFeedback: null,
        points: 1,
        graded: true,
      },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** A quiz activity in the matrix course, made once, for the quiz draft routes. */
  let quizActivity = '';
  const matrixQuiz = async () => {
    if (quizActivity) return quizActivity;
    const admin = sessions.get('platformAdmin');
    const current = await call(t, admin, 'get', `/api/studio/courses/${course.id}`);
    const res = await call(
      t,
      admin,
      'post',
      `/api/studio/courses/${course.id}/modules/${course.moduleId}/activities`,
    ).send({ revision: current.body.revision, kind: 'quiz', title: 'Matrix quiz' });
    expect(res.status).toBe(201);
    quizActivity = res.body.id as string;
    return quizActivity;
  };

  /** A scorm activity in the matrix course, made once, for the scorm studio routes. */
  let scormActivity = '';
  const matrixScorm = async () => {
    if (scormActivity) return scormActivity;
    const admin = sessions.get('platformAdmin');
    const current = await call(t, admin, 'get', `/api/studio/courses/${course.id}`);
    const res = await call(
      t,
      admin,
      'post',
      `/api/studio/courses/${course.id}/modules/${course.moduleId}/activities`,
    ).send({ revision: current.body.revision, kind: 'scorm', title: 'Matrix SCORM' });
    expect(res.status).toBe(201);
    scormActivity = res.body.id as string;
    return scormActivity;
  };

  /** A certificate issued to a learner who completed the published matrix course, made once, for the public routes. */
  let matrixCertificate: { code: string; list: string } | null = null;
  const issuedCertificate = async () => {
    if (matrixCertificate) return matrixCertificate;
    const slug = await publishedSlug();
    const person = await createPerson(t, undefined, 'matrix-graduate');
    const graduate = await signIn(t, person.email, person.password);
    expect((await call(t, graduate, 'post', `/api/courses/${slug}/enrolment`)).status).toBeLessThan(300);
    const [lesson] = (await db.query(
      `SELECT a.id FROM activity a JOIN course_module m ON m.id = a.module_id JOIN course c ON c.id = m.course_id
        WHERE c.slug = $1`,
      [slug],
    )) as { id: string }[];
    const done = await call(
      t,
      graduate,
      'put',
      `/api/me/learning/${slug}/activities/${lesson!.id}/progress`,
    ).send({
      at: new Date().toISOString(),
      completed: true,
    });
    expect(done.status).toBe(200);
    const [certificate] = (await db.query(
      `SELECT code, status_index::float8 AS "statusIndex" FROM certificate WHERE user_id = $1`,
      [person.id],
    )) as { code: string; statusIndex: number }[];
    matrixCertificate = {
      code: certificate!.code,
      list: String(Math.floor(certificate!.statusIndex / 131072) + 1),
    };
    return matrixCertificate;
  };

  const lcMember = () => createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'matrix');
  const invitation = async () => {
    const email = `${unique('matrix')}@example.org`;
    const res = await call(
      t,
      sessions.get('platformAdmin'),
      'post',
      `/api/institutions/${lc}/invitations`,
    ).send({
      email,
      role: 'learner',
    });
    const [mail] = (await db.query(
      `SELECT id, text_body FROM mail_message WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`,
      [email],
    )) as { id: string; text_body: string }[];
    return {
      id: res.body.id as string,
      token: /token=([\w-]+)/.exec(mail!.text_body)![1]!,
      mailId: mail!.id,
    };
  };

  /**
   * An open cohort of the demo institution with no courses, facilitated by the demo trainer, made
   * once through the API as the platform admin: for every cohort route (cohorts, imports, progress).
   */
  let cohortOfMatrix = '';
  const matrixCohort = async () => {
    if (cohortOfMatrix) return cohortOfMatrix;
    const res = await call(t, sessions.get('platformAdmin'), 'post', '/api/studio/cohorts').send({
      institutionId: lc,
      name: unique('Matrix cohort'),
      courseIds: [],
      facilitatorIds: [sessions.get('trainer')!.userId],
    });
    expect(res.status).toBe(201);
    cohortOfMatrix = res.body.id as string;
    return cohortOfMatrix;
  };

  /**
   * Assessments of the demo institution on the default DGCA framework, with the demo learner as
   * participant, one per status, made once each through the API as the platform admin (issue 9).
   */
  const assessmentsOfMatrix = new Map<string, string>();
  const matrixAssessment = async (
    status: 'draft' | 'individual' | 'consensus' | 'completed' = 'individual',
  ): Promise<string> => {
    const known = assessmentsOfMatrix.get(status);
    if (known) return known;
    const admin = sessions.get('platformAdmin');
    const frameworks = await call(t, admin, 'get', '/api/studio/dgca/frameworks');
    const versionId = (frameworks.body.items as { published: { versionId: string } | null }[]).find(
      (item) => item.published,
    )!.published!.versionId;
    const created = await call(t, admin, 'post', '/api/studio/dgca/assessments').send({
      institutionId: lc,
      subject: 'country',
      title: unique(`Matrix assessment ${status}`),
      versionId,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const added = await call(t, admin, 'post', `/api/studio/dgca/assessments/${id}/participants`).send({
      people: [{ email: DEMO.learner.email }],
    });
    expect(added.status).toBe(200);
    let revision = created.body.revision as number;
    const path = ['individual', 'consensus', 'completed'];
    for (const to of path.slice(0, path.indexOf(status) + 1)) {
      const moved = await call(t, admin, 'post', `/api/studio/dgca/assessments/${id}/status`).send({
        revision,
        to,
      });
      expect(moved.status).toBe(200);
      revision = moved.body.revision as number;
    }
    assessmentsOfMatrix.set(status, id);
    return id;
  };

  const MATRIX: Record<string, Entry> = {
    // Foundation
    'GET /api/health': { expect: PUBLIC },
    'GET /api/health/ready': { expect: PUBLIC },
    'POST /api/client-errors': { expect: PUBLIC, body: {} },

    // Institutions
    'GET /api/institutions': { expect: PUBLIC },
    'GET /api/institutions/:id': { expect: PUBLIC },
    'POST /api/institutions': { expect: PLATFORM_ADMIN, body: {} },
    'PATCH /api/institutions/:id': { expect: PLATFORM_ADMIN, body: {} },
    'GET /api/institutions/:id/members': { expect: STAFF_OF_INSTITUTION },
    'PATCH /api/institutions/:id/members/:userId': {
      expect: ADMIN_OF_INSTITUTION,
      prepare: async () => ({ params: { userId: (await lcMember()).id }, body: { role: 'trainer' } }),
    },
    'DELETE /api/institutions/:id/members/:userId': {
      expect: ADMIN_OF_INSTITUTION,
      prepare: async () => ({ params: { userId: (await lcMember()).id } }),
    },

    // Invitations
    'POST /api/institutions/:id/invitations': {
      expect: ADMIN_OF_INSTITUTION,
      prepare: async () => ({ body: { email: `${unique('matrix-invite')}@example.org`, role: 'learner' } }),
    },
    'GET /api/institutions/:id/invitations': { expect: ADMIN_OF_INSTITUTION },
    'DELETE /api/institutions/:id/invitations/:invitationId': {
      expect: ADMIN_OF_INSTITUTION,
      prepare: async () => ({ params: { invitationId: (await invitation()).id } }),
    },
    'GET /api/invitations/:token': {
      expect: PUBLIC,
      prepare: async () => ({ params: { token: invitationToken } }),
    },
    'POST /api/invitations/accept': { expect: PUBLIC, body: {} },

    // People
    'GET /api/users': { expect: ANY_ADMIN },
    'GET /api/users/:id': {
      expect: ADMIN_OF_PERSON,
      prepare: async () => ({ params: { id: (await lcMember()).id } }),
    },
    'POST /api/users/:id/deactivate': {
      expect: ADMIN_OF_PERSON,
      prepare: async () => ({ params: { id: (await lcMember()).id } }),
    },
    'POST /api/users/:id/reactivate': {
      expect: ADMIN_OF_PERSON,
      prepare: async () => {
        const person = await lcMember();
        await db.query(`UPDATE user_account SET status = 'deactivated' WHERE id = $1`, [person.id]);
        return { params: { id: person.id } };
      },
    },
    'PATCH /api/users/:id/platform-admin': {
      expect: PLATFORM_ADMIN,
      prepare: async () => ({ params: { id: (await createPerson(t)).id }, body: { isPlatformAdmin: false } }),
    },

    // Platform administration
    'GET /api/audit-events': { expect: PLATFORM_ADMIN },
    'GET /api/outbox': { expect: PLATFORM_ADMIN },
    'GET /api/outbox/:id': { expect: PLATFORM_ADMIN, prepare: async () => ({ params: { id: mailId } }) },
    'GET /api/settings': { expect: PLATFORM_ADMIN },
    'PATCH /api/settings': { expect: PLATFORM_ADMIN, body: {} },
    'GET /api/settings/public': { expect: PUBLIC },

    // Signing in and out, and self-service without an account
    'POST /api/auth/login': { expect: PUBLIC, body: {} },
    'POST /api/auth/logout': { expect: SIGNED_IN, freshSession: true },
    'POST /api/auth/sign-up': { expect: PUBLIC, body: {} },
    'POST /api/auth/verify-email': { expect: PUBLIC, body: {} },
    'POST /api/auth/confirm-email-change': { expect: PUBLIC, body: {} },
    'POST /api/auth/password-reset': { expect: PUBLIC, body: {} },
    'POST /api/auth/password-reset/confirm': { expect: PUBLIC, body: {} },

    // The signed-in person's own account
    'GET /api/me': { expect: SIGNED_IN },
    'DELETE /api/me': { expect: SIGNED_IN, body: {}, freshSession: true },
    'GET /api/me/export': { expect: SIGNED_IN },
    'POST /api/me/password': { expect: SIGNED_IN, body: {} },
    'POST /api/me/email': { expect: SIGNED_IN, body: {} },
    'POST /api/me/verification-email': { expect: SIGNED_IN },
    'GET /api/me/profile': { expect: SIGNED_IN },
    'PATCH /api/me/profile': { expect: SIGNED_IN, body: {} },
    'GET /api/me/reporting-profile': { expect: SIGNED_IN },
    'PUT /api/me/reporting-profile': { expect: SIGNED_IN, body: {} },
    'DELETE /api/me/reporting-profile': { expect: SIGNED_IN },
    'GET /api/me/sessions': { expect: SIGNED_IN },
    'DELETE /api/me/sessions': { expect: SIGNED_IN, freshSession: true },
    'DELETE /api/me/sessions/:id': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { id: randomUUID() } }),
    },
    'GET /api/me/tokens': { expect: SIGNED_IN },
    'POST /api/me/tokens': { expect: SIGNED_IN, body: {} },
    'DELETE /api/me/tokens/:id': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { id: randomUUID() } }),
    },

    // Course authoring
    'GET /api/studio/courses': { expect: ANY_AUTHOR },
    'POST /api/studio/courses': { expect: ANY_AUTHOR, body: {} },
    'GET /api/studio/courses/:id': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'PATCH /api/studio/courses/:id': { expect: AUTHOR_OF_COURSE, prepare: ofCourse(), body: stale },
    'POST /api/studio/courses/:id/archive': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'POST /api/studio/courses/:id/restore': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'POST /api/studio/courses/:id/duplicate': { expect: AUTHOR_OF_COURSE, prepare: ofCourse(), body: {} },
    'POST /api/studio/courses/:id/publish': {
      expect: AUTHOR_OF_COURSE,
      prepare: ofCourse(),
      body: { ...stale, changeLog: 'Matrix' },
    },
    'POST /api/studio/courses/:id/unpublish': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'GET /api/studio/courses/:id/versions': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'GET /api/courses': { expect: PUBLIC },
    'GET /api/courses/facets': { expect: PUBLIC },
    'GET /api/courses/:slug': {
      expect: PUBLIC,
      prepare: async () => ({ params: { slug: await publishedSlug() } }),
    },
    'POST /api/studio/courses/:id/modules': {
      expect: AUTHOR_OF_COURSE,
      prepare: ofCourse(),
      body: { ...stale, title: 'Matrix module' },
    },
    'PATCH /api/studio/courses/:id/modules/:moduleId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ofCourse({ moduleId: course.moduleId })(),
      body: stale,
    },
    'DELETE /api/studio/courses/:id/modules/:moduleId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({
        ...(await ofCourse({ moduleId: course.moduleId })()),
        query: { revision: '1' },
      }),
    },
    'PUT /api/studio/courses/:id/outline': {
      expect: AUTHOR_OF_COURSE,
      prepare: ofCourse(),
      body: { ...stale, modules: [] },
    },
    'POST /api/studio/courses/:id/modules/:moduleId/activities': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ofCourse({ moduleId: course.moduleId })(),
      body: { ...stale, kind: 'lesson', title: 'Matrix lesson' },
    },
    'PATCH /api/studio/courses/:id/activities/:activityId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ofCourse({ activityId: course.activityId })(),
      body: stale,
    },
    'DELETE /api/studio/courses/:id/activities/:activityId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({
        ...(await ofCourse({ activityId: course.activityId })()),
        query: { revision: '1' },
      }),
    },
    'GET /api/studio/lessons/:activityId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: course.activityId } }),
    },
    // Files: authors upload for their institution (others get 403, the institution being public);
    // anyone may fetch a file by its id, as lesson images and catalogue covers need.
    'POST /api/studio/files': {
      expect: STAFF_OF_INSTITUTION,
      prepare: async () => ({ query: { institutionId: lc } }),
    },
    'GET /api/files/:id': { expect: PUBLIC, prepare: async () => ({ params: { id: await storedFileId() } }) },
    // Learning: anyone signed in enrols and reads their own courses; nobody reads another's.
    'GET /api/courses/:slug/enrolment': {
      expect: SIGNED_IN,
      prepare: async () => ({ params: { slug: await publishedSlug() } }),
    },
    'POST /api/courses/:slug/enrolment': {
      expect: SIGNED_IN,
      prepare: async () => ({ params: { slug: await publishedSlug() } }),
    },
    'POST /api/courses/:slug/access-requests': {
      expect: SIGNED_IN,
      prepare: async () => ({ params: { slug: await publishedSlug() } }),
    },
    'GET /api/me/learning': { expect: SIGNED_IN },
    'GET /api/me/learning/:slug': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { slug: 'nobody-is-enrolled-here' } }),
    },
    'GET /api/me/learning/:slug/activities/:activityId': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { slug: 'nobody-is-enrolled-here', activityId: randomUUID() } }),
    },
    'PUT /api/me/learning/:slug/activities/:activityId/progress': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({
        params: { slug: 'nobody-is-enrolled-here', activityId: randomUUID() },
        body: { at: new Date().toISOString() },
      }),
    },
    'PUT /api/me/learning/:slug/activities/:activityId/reflections/:reflectionId': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({
        params: { slug: 'nobody-is-enrolled-here', activityId: randomUUID(), reflectionId: randomUUID() },
        body: { answer: 'Mine.', at: new Date().toISOString() },
      }),
    },
    'GET /api/studio/courses/:id/learners': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'POST /api/studio/courses/:id/learners/move': {
      expect: AUTHOR_OF_COURSE,
      prepare: ofCourse(),
      body: { version: 99 },
    },
    'GET /api/studio/courses/:id/access-requests': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'POST /api/studio/courses/:id/access-requests/:requestId/approve': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ofCourse({ requestId: await accessRequest() })(),
    },
    'POST /api/studio/courses/:id/access-requests/:requestId/decline': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ofCourse({ requestId: await accessRequest() })(),
    },
    'PUT /api/studio/lessons/:activityId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: course.activityId } }),
      body: { document: { type: 'doc', content: [] }, revision: 99 },
    },
    // Question bank: the course's authors; a stale version is a 409 (through the guard, nothing changes).
    'GET /api/studio/courses/:id/questions': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'GET /api/studio/courses/:id/question-categories': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'POST /api/studio/courses/:id/questions': {
      expect: AUTHOR_OF_COURSE,
      prepare: ofCourse(),
      body: { category: 'Matrix', tags: [], question: {} },
    },
    'POST /api/studio/courses/:id/questions/import': {
      expect: AUTHOR_OF_COURSE,
      prepare: ofCourse(),
      body: { gift: 'Matrix? {T}', dryRun: true },
    },
    'GET /api/studio/courses/:id/questions/export': { expect: AUTHOR_OF_COURSE, prepare: ofCourse() },
    'GET /api/studio/questions/:questionId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { questionId: await bankQuestion() } }),
    },
    'PUT /api/studio/questions/:questionId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({
        params: { questionId: await bankQuestion() },
        body: { version: 99, category: 'Matrix', tags: [], question: {} },
      }),
    },
    'DELETE /api/studio/questions/:questionId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { questionId: await bankQuestion() } }),
    },
    // Quizzes: the course's authors edit a quiz's draft; learners reach only their own quizzes and
    // attempts (someone else's, or none, is a 404).
    'GET /api/studio/quizzes/:activityId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixQuiz() } }),
    },
    'PUT /api/studio/quizzes/:activityId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixQuiz() } }),
      body: { revision: 99, settings: {}, slots: [] },
    },
    // Quiz results: the course's authors; an attempt nobody may grade (none) is a 404 to staff.
    'GET /api/studio/quizzes/:activityId/attempts': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixQuiz() } }),
    },
    'GET /api/studio/quizzes/:activityId/analysis': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixQuiz() } }),
    },
    'GET /api/studio/quizzes/:activityId/results.csv': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixQuiz() } }),
    },
    'POST /api/studio/quizzes/:activityId/regrade': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({
        params: { activityId: await matrixQuiz() },
        body: { questionId: await bankQuestion() },
      }),
    },
    'GET /api/studio/quiz-attempts/:attemptId': {
      expect: NO_SUCH_ATTEMPT,
      prepare: async () => ({ params: { attemptId: randomUUID() } }),
    },
    'PUT /api/studio/quiz-attempts/:attemptId/slots/:slot/grade': {
      expect: NO_SUCH_ATTEMPT,
      prepare: async () => ({ params: { attemptId: randomUUID(), slot: '1' }, body: { points: 1 } }),
    },
    'GET /api/me/learning/:slug/quizzes/:activityId': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { slug: 'nobody-is-enrolled-here', activityId: randomUUID() } }),
    },
    'POST /api/me/learning/:slug/quizzes/:activityId/attempts': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { slug: 'nobody-is-enrolled-here', activityId: randomUUID() } }),
    },
    'GET /api/me/quiz-attempts/:attemptId': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { attemptId: randomUUID() } }),
    },
    'PUT /api/me/quiz-attempts/:attemptId/slots/:slot': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({
        params: { attemptId: randomUUID(), slot: '1' },
        body: { response: null, at: new Date().toISOString() },
      }),
    },
    'POST /api/me/quiz-attempts/:attemptId/slots/:slot/check': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { attemptId: randomUUID(), slot: '1' } }),
    },
    'POST /api/me/quiz-attempts/:attemptId/submit': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { attemptId: randomUUID() } }),
    },
    // SCORM packages: the course's authors upload (a body that is not multipart gets 415, past the
    // guard) and read the draft; package files go to enrolled learners and authors, others 404.
    'GET /api/studio/scorm/:activityId': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixScorm() } }),
    },
    'POST /api/studio/scorm/:activityId/package': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixScorm() } }),
    },
    'GET /api/scorm/packages/:packageId/files/*': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { packageId: randomUUID() } }),
    },
    // SCORM runtime: learners play only their own course's activity and commit only to their own
    // sessions (none here: 404); the course's authors read learners' attempts and reset them.
    'GET /api/me/learning/:slug/scorm/:activityId': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { slug: 'nobody-is-enrolled-here', activityId: randomUUID() } }),
    },
    'POST /api/me/learning/:slug/scorm/:activityId/navigation': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({
        params: { slug: 'nobody-is-enrolled-here', activityId: randomUUID() },
        body: { request: 'start' },
      }),
    },
    'POST /api/scorm/sessions/:sessionId/commits': {
      expect: SIGNED_IN_NOT_FOUND,
      prepare: async () => ({ params: { sessionId: randomUUID() }, body: { cmi: {}, commitSequence: 1 } }),
    },
    'GET /api/studio/scorm/:activityId/learners': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { activityId: await matrixScorm() } }),
    },
    'GET /api/studio/scorm/:activityId/learners/:enrolmentId': {
      expect: NO_SUCH_ATTEMPT,
      prepare: async () => ({ params: { activityId: await matrixScorm(), enrolmentId: randomUUID() } }),
    },
    'POST /api/studio/scorm/:activityId/learners/:enrolmentId/reset': {
      expect: NO_SUCH_ATTEMPT,
      prepare: async () => ({ params: { activityId: await matrixScorm(), enrolmentId: randomUUID() } }),
    },
    // Certificates (issuing, verification, keys): anyone verifies an issued certificate and reads
    // the keys, issuer and status lists; a course's certificates are its institution's admins'
    // (another institution's admin gets 404); decisions on an unknown certificate are 404 to them.
    'GET /api/verify/:code': {
      expect: PUBLIC,
      prepare: async () => ({ params: { code: (await issuedCertificate()).code } }),
    },
    'GET /api/verify/:code/credential': {
      expect: PUBLIC,
      prepare: async () => ({ params: { code: (await issuedCertificate()).code } }),
    },
    'GET /api/verify/:code/pdf': {
      expect: PUBLIC,
      prepare: async () => ({ params: { code: (await issuedCertificate()).code } }),
    },
    'GET /api/credentials/status/:list': {
      expect: PUBLIC,
      prepare: async () => ({ params: { list: (await issuedCertificate()).list } }),
    },
    'GET /api/credentials/jwks': { expect: PUBLIC },
    'GET /api/credentials/issuer': { expect: PUBLIC },
    'POST /api/credentials/keys/rotate': { expect: PLATFORM_ADMIN },
    'GET /api/me/certificates': { expect: SIGNED_IN },
    'GET /api/studio/courses/:courseId/certificates': {
      expect: CERTIFICATE_ADMIN,
      prepare: async () => ({ params: { courseId: course.id } }),
    },
    'GET /api/studio/courses/:courseId/certificates/eligible': {
      expect: CERTIFICATE_ADMIN,
      prepare: async () => ({ params: { courseId: course.id } }),
    },
    'POST /api/studio/courses/:courseId/certificates': {
      expect: NO_SUCH_CERTIFICATE,
      prepare: async () => ({
        params: { courseId: course.id },
        body: { userId: randomUUID(), reason: 'Matrix' },
      }),
    },
    'POST /api/studio/certificates/:id/approve': {
      expect: NO_SUCH_CERTIFICATE,
      prepare: async () => ({ params: { id: randomUUID() }, body: {} }),
    },
    'POST /api/studio/certificates/:id/decline': {
      expect: NO_SUCH_CERTIFICATE,
      prepare: async () => ({ params: { id: randomUUID() }, body: { reason: 'Matrix' } }),
    },
    'POST /api/studio/certificates/:id/revoke': {
      expect: NO_SUCH_CERTIFICATE,
      prepare: async () => ({
        params: { id: randomUUID() },
        body: { reason: 'Matrix', reasonPublic: false },
      }),
    },
    'POST /api/studio/certificates/:id/reissue': {
      expect: NO_SUCH_CERTIFICATE,
      prepare: async () => ({
        params: { id: randomUUID() },
        body: { learnerName: 'Matrix', reason: 'Matrix' },
      }),
    },
    // Certificate settings, templates and the sample PDF are the course's authors'; a template saved
    // on a made-up version is a 409 past the guard. Batches are the course's administrators'.
    'GET /api/studio/courses/:courseId/certificate-settings': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { courseId: course.id } }),
    },
    'PUT /api/studio/courses/:courseId/certificate-settings': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({
        params: { courseId: course.id },
        body: { enabled: true, issueMode: 'automatic', validityMonths: null },
      }),
    },
    'GET /api/studio/courses/:courseId/certificate-template': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { courseId: course.id } }),
    },
    'PUT /api/studio/courses/:courseId/certificate-template': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({
        params: { courseId: course.id },
        body: { expectedVersion: 999, ...matrixTemplate },
      }),
    },
    'GET /api/studio/courses/:courseId/certificate-template/versions': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { courseId: course.id } }),
    },
    'POST /api/studio/courses/:courseId/certificate-template/preview': {
      expect: AUTHOR_OF_COURSE,
      prepare: async () => ({ params: { courseId: course.id }, body: matrixTemplate }),
    },
    'POST /api/studio/courses/:courseId/certificate-batches': {
      expect: CERTIFICATE_ADMIN,
      prepare: async () => ({ params: { courseId: course.id }, body: { reason: 'Matrix' } }),
    },
    'GET /api/studio/courses/:courseId/certificate-batches': {
      expect: CERTIFICATE_ADMIN,
      prepare: async () => ({ params: { courseId: course.id } }),
    },
    'GET /api/studio/certificate-batches/:id': {
      expect: NO_SUCH_CERTIFICATE,
      prepare: async () => ({ params: { id: randomUUID() } }),
    },
    // ── cohorts (issue 8) ──
    ...((): Record<string, Entry> => {
      /** Reading a cohort: its institution's admins and its facilitator (the demo trainer); hidden from other admins. */
      const COHORT_READER = row(
        '401',
        { trainer: 'ok', sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' },
        '403',
      );
      /** Changing a cohort: its institution's admins; hidden from other admins; trainers are refused by role. */
      const COHORT_MANAGER = row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403');
      /** The list is scoped to what each may see: anyone who administers or trains somewhere. */
      const COHORT_LISTERS = row(
        '401',
        { trainer: 'ok', sameAdmin: 'ok', otherAdmin: 'ok', platformAdmin: 'ok' },
        '403',
      );
      const ofCohort = async () => ({ params: { id: await matrixCohort() } });
      const admin = () => sessions.get('platformAdmin');
      /** A fresh person, member of the matrix cohort (so each caller removes or moves its own). */
      const cohortMember = async () => {
        const person = await createPerson(t, undefined, 'matrix-cohort-member');
        const id = await matrixCohort();
        const res = await call(t, admin(), 'post', `/api/studio/cohorts/${id}/members`).send({
          email: person.email,
        });
        expect(res.body.outcome).toBe('enrolled');
        return { id, userId: person.id };
      };
      let moveTarget = '';
      return {
        'GET /api/studio/cohorts': { expect: COHORT_LISTERS },
        'POST /api/studio/cohorts': {
          expect: ADMIN_OF_INSTITUTION,
          prepare: async () => ({
            body: { institutionId: lc, name: unique('Matrix new cohort'), courseIds: [], facilitatorIds: [] },
          }),
        },
        'GET /api/studio/cohorts/:id': { expect: COHORT_READER, prepare: ofCohort },
        // A stale version: those who get through are answered 409 and nothing changes.
        'PATCH /api/studio/cohorts/:id': {
          expect: COHORT_MANAGER,
          prepare: ofCohort,
          body: { version: 999 },
        },
        'POST /api/studio/cohorts/:id/close': {
          expect: COHORT_MANAGER,
          prepare: async () => {
            const res = await call(t, admin(), 'post', '/api/studio/cohorts').send({
              institutionId: lc,
              name: unique('Matrix closing cohort'),
              courseIds: [],
              facilitatorIds: [],
            });
            return { params: { id: res.body.id as string } };
          },
        },
        'GET /api/studio/cohorts/:id/members': { expect: COHORT_READER, prepare: ofCohort },
        'POST /api/studio/cohorts/:id/members': {
          expect: COHORT_MANAGER,
          prepare: async () => ({
            params: { id: await matrixCohort() },
            body: { email: `${unique('matrix-cohort-invitee')}@example.org` },
          }),
        },
        'DELETE /api/studio/cohorts/:id/members/:userId': {
          expect: COHORT_MANAGER,
          prepare: async () => ({ params: await cohortMember() }),
        },
        'POST /api/studio/cohorts/:id/members/:userId/move': {
          expect: COHORT_MANAGER,
          prepare: async () => {
            if (!moveTarget) {
              const res = await call(t, admin(), 'post', '/api/studio/cohorts').send({
                institutionId: lc,
                name: unique('Matrix move target'),
                courseIds: [],
                facilitatorIds: [],
              });
              moveTarget = res.body.id as string;
            }
            return { params: await cohortMember(), body: { toCohortId: moveTarget } };
          },
        },
        'DELETE /api/studio/cohorts/:id/invitees/:invitationId': {
          expect: COHORT_MANAGER,
          prepare: async () => {
            const id = await matrixCohort();
            const email = `${unique('matrix-cohort-invitee')}@example.org`;
            await call(t, admin(), 'post', `/api/studio/cohorts/${id}/members`).send({ email });
            const [invitee] = (await db.query(
              `SELECT x.invitation_id AS id FROM cohort_invitee x JOIN invitation v ON v.id = x.invitation_id
                WHERE x.cohort_id = $1 AND v.email = $2`,
              [id, email],
            )) as { id: string }[];
            return { params: { id, invitationId: invitee!.id } };
          },
        },
      };
    })(),
    // ── end cohorts ──
    // ── enrolment imports (issue 8) ──
    ...((): Record<string, Entry> => {
      /** Imports: the cohort institution's admins; hidden from other admins; facilitators are refused by role. */
      const IMPORTER = row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403');
      const ofCohort = async () => ({ params: { cohortId: await matrixCohort() } });
      /** A fresh preview of one new person in the matrix cohort (confirming or discarding it uses it up). */
      const preview = async () => {
        const cohortId = await matrixCohort();
        const res = await call(
          t,
          sessions.get('platformAdmin'),
          'post',
          `/api/studio/cohorts/${cohortId}/enrolment-imports`,
        ).attach(
          'file',
          Buffer.from(`Email,Given name,Family name\n${unique('matrix-import')}@example.org,Matrix,Person\n`),
          'people.csv',
        );
        expect(res.status).toBe(201);
        return { params: { id: res.body.id as string } };
      };
      let shared: { params: { id: string } } | null = null;
      const sharedPreview = async () => (shared ??= await preview());
      return {
        'GET /api/studio/cohorts/:cohortId/enrolment-imports/template.csv': {
          expect: IMPORTER,
          prepare: ofCohort,
        },
        // No multipart body: those who get through are answered 415.
        'POST /api/studio/cohorts/:cohortId/enrolment-imports': { expect: IMPORTER, prepare: ofCohort },
        'GET /api/studio/cohorts/:cohortId/enrolment-imports': { expect: IMPORTER, prepare: ofCohort },
        'GET /api/studio/enrolment-imports/:id': { expect: IMPORTER, prepare: sharedPreview },
        'GET /api/studio/enrolment-imports/:id/rows': { expect: IMPORTER, prepare: sharedPreview },
        'POST /api/studio/enrolment-imports/:id/confirm': { expect: IMPORTER, prepare: preview, body: {} },
        'DELETE /api/studio/enrolment-imports/:id': { expect: IMPORTER, prepare: preview },
      };
    })(),
    // ── end enrolment imports ──
    // ── cohort progress (issue 8) ──
    ...((): Record<string, Entry> => {
      /** A cohort's staff: its institution's admins and its facilitator (the demo trainer); hidden from other admins. */
      const COHORT_STAFF = row(
        '401',
        { trainer: 'ok', sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' },
        '403',
      );
      let cohortId = '';
      /** An open cohort of the demo institution, facilitated by the demo trainer, made once. */
      const ofCohort = async () => {
        if (!cohortId) {
          const res = await call(t, sessions.get('platformAdmin'), 'post', '/api/studio/cohorts').send({
            institutionId: lc,
            name: unique('Matrix progress cohort'),
            courseIds: [],
            facilitatorIds: [sessions.get('trainer')!.userId],
          });
          expect(res.status).toBe(201);
          cohortId = res.body.id as string;
        }
        return { params: { id: cohortId } };
      };
      return {
        'GET /api/studio/cohorts/:id/progress': { expect: COHORT_STAFF, prepare: ofCohort },
        'GET /api/studio/cohorts/:id/progress.csv': { expect: COHORT_STAFF, prepare: ofCohort },
        'POST /api/studio/cohorts/:id/reminders/preview': {
          expect: COHORT_STAFF,
          prepare: ofCohort,
          body: { audience: 'not_started' },
        },
        'POST /api/studio/cohorts/:id/reminders': {
          expect: COHORT_STAFF,
          prepare: ofCohort,
          body: { audience: 'not_started' },
        },
      };
    })(),
    // ── end cohort progress ──
    // ── reports (issue 8) ──
    // Any institution admin (forced to their institutions) and platform admins; asking for an
    // institution one does not administer is answered as if it did not exist.
    'GET /api/studio/reports/summary': { expect: ANY_ADMIN },
    'GET /api/studio/reports/breakdown': {
      expect: row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403'),
      prepare: async () => ({ query: { by: 'institution', disaggregate: 'sex', institutionId: lc } }),
    },
    'GET /api/studio/reports/breakdown.csv': {
      expect: row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403'),
      prepare: async () => ({ query: { by: 'course', institutionId: lc } }),
    },
    // ── end reports ──
    // ── dgca frameworks (issue 9) ──
    // Read by any institution admin, written by platform admins only. Writes go to the default
    // framework's published version (409 version-published: nothing changes) or carry an
    // incomplete body (400), so the shared default framework is never altered.
    ...((): Record<string, Entry> => {
      const ofDefault = async (extra: Omit<Call, 'params'> = {}) => {
        const [found] = (await db.query(
          `SELECT v.framework_id AS "frameworkId", v.id AS "versionId"
             FROM dgca_framework_version v JOIN dgca_framework f ON f.id = v.framework_id
            WHERE v.status = 'published' AND v.number = 1 AND f.name LIKE 'Digital government capability%'`,
        )) as { frameworkId: string; versionId: string }[];
        return { params: { id: found!.frameworkId, versionId: found!.versionId }, ...extra };
      };
      /** A framework of the matrix's own whose draft already exists: a platform admin gets 409 draft-exists. */
      let withDraft = '';
      const ofFrameworkWithDraft = async () => {
        if (!withDraft) {
          const res = await call(
            t,
            sessions.get('platformAdmin'),
            'post',
            '/api/studio/dgca/frameworks',
          ).send({
            name: unique('Matrix framework'),
          });
          expect(res.status).toBe(201);
          withDraft = res.body.id as string;
        }
        return { params: { id: withDraft } };
      };
      return {
        'GET /api/studio/dgca/frameworks': { expect: ANY_ADMIN },
        'POST /api/studio/dgca/frameworks': { expect: PLATFORM_ADMIN, body: {} },
        'GET /api/studio/dgca/frameworks/:id': { expect: ANY_ADMIN, prepare: () => ofDefault() },
        'PATCH /api/studio/dgca/frameworks/:id': {
          expect: PLATFORM_ADMIN,
          prepare: () => ofDefault({ body: { name: '' } }),
        },
        'POST /api/studio/dgca/frameworks/:id/draft': {
          expect: PLATFORM_ADMIN,
          prepare: ofFrameworkWithDraft,
        },
        'GET /api/studio/dgca/framework-versions/:versionId': {
          expect: ANY_ADMIN,
          prepare: () => ofDefault(),
        },
        'PUT /api/studio/dgca/framework-versions/:versionId': {
          expect: PLATFORM_ADMIN,
          prepare: () => ofDefault({ body: {} }),
        },
        'POST /api/studio/dgca/framework-versions/:versionId/publish': {
          expect: PLATFORM_ADMIN,
          prepare: () => ofDefault({ body: { revision: 1 } }),
        },
        'DELETE /api/studio/dgca/framework-versions/:versionId': {
          expect: PLATFORM_ADMIN,
          prepare: () => ofDefault({ query: { revision: '1' } }),
        },
      };
    })(),
    // ── end dgca frameworks ──
    // ── dgca assessments (issue 9) ──
    ...((): Record<string, Entry> => {
      /** Managers: the assessment institution's admins and platform admins; hidden (404) from other admins. */
      const MANAGER = row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403');
      /** Participants only (the demo learner): everyone else, managers included, gets 404. */
      const PARTICIPANT = row('401', { learner: 'ok' }, '404');
      const STALE = { revision: '999' };
      const ofAssessment =
        (status: 'draft' | 'individual' | 'consensus' | 'completed', extra: Omit<Call, 'params'> = {}) =>
        async () => ({ params: { id: await matrixAssessment(status) }, ...extra });
      /** A statement of the assessment's framework version, and the lowest level of its scale. */
      const statementOf = async (id: string) => {
        const [found] = (await db.query(
          `SELECT s.id, (v.scale->0->>'value')::int AS value
             FROM dgca_assessment a JOIN dgca_framework_version v ON v.id = a.version_id
             JOIN dgca_dimension d ON d.version_id = v.id JOIN dgca_statement s ON s.dimension_id = d.id
            WHERE a.id = $1 ORDER BY d.position, s.position LIMIT 1`,
          [id],
        )) as { id: string; value: number }[];
        return found!;
      };
      const ofRating = async () => {
        const id = await matrixAssessment('individual');
        const statement = await statementOf(id);
        return { params: { id, statementId: statement.id }, body: { value: statement.value } };
      };
      const learnerParticipant = async () => {
        const id = await matrixAssessment('consensus');
        const [found] = (await db.query(
          `SELECT p.id FROM dgca_participant p JOIN user_account u ON u.id = p.user_id
            WHERE p.assessment_id = $1 AND lower(u.email) = lower($2)`,
          [id, DEMO.learner.email],
        )) as { id: string }[];
        return { params: { id, participantId: found!.id } };
      };
      const newAssessment = async () => {
        const [version] = (await db.query(
          `SELECT a.version_id AS id FROM dgca_assessment a WHERE a.id = $1`,
          [await matrixAssessment('draft')],
        )) as { id: string }[];
        return {
          body: {
            institutionId: lc,
            subject: 'country',
            title: unique('Matrix new assessment'),
            versionId: version!.id,
          },
        };
      };
      return {
        'GET /api/studio/dgca/assessments': { expect: ANY_ADMIN },
        'POST /api/studio/dgca/assessments': { expect: ADMIN_OF_INSTITUTION, prepare: newAssessment },
        'GET /api/studio/dgca/assessments/:id': { expect: MANAGER, prepare: ofAssessment('draft') },
        // A stale revision: managers get 409 (through the guard, nothing changes).
        'PATCH /api/studio/dgca/assessments/:id': {
          expect: MANAGER,
          prepare: ofAssessment('draft', { body: { revision: 999, title: 'Renamed' } }),
        },
        'POST /api/studio/dgca/assessments/:id/status': {
          expect: MANAGER,
          prepare: ofAssessment('draft', { body: { revision: 999, to: 'individual' } }),
        },
        'DELETE /api/studio/dgca/assessments/:id': {
          expect: MANAGER,
          prepare: ofAssessment('draft', { query: STALE }),
        },
        'GET /api/studio/dgca/assessments/:id/participants': {
          expect: MANAGER,
          prepare: ofAssessment('draft'),
        },
        // The demo learner again: "already" a participant, nothing changes.
        'POST /api/studio/dgca/assessments/:id/participants': {
          expect: MANAGER,
          prepare: ofAssessment('individual', { body: { people: [{ email: DEMO.learner.email }] } }),
        },
        // In the consensus round managers get 409 (round-closed): the participant stays.
        'DELETE /api/studio/dgca/assessments/:id/participants/:participantId': {
          expect: MANAGER,
          prepare: learnerParticipant,
        },
        // Completed: managers get 409 (assessment-completed) before the invitee is looked up.
        'DELETE /api/studio/dgca/assessments/:id/invitees/:invitationId': {
          expect: MANAGER,
          prepare: async () => ({
            params: { id: await matrixAssessment('completed'), invitationId: randomUUID() },
          }),
        },
        'GET /api/me/assessments': { expect: SIGNED_IN },
        'GET /api/me/assessments/:id': { expect: PARTICIPANT, prepare: ofAssessment('individual') },
        'PUT /api/me/assessments/:id/ratings/:statementId': { expect: PARTICIPANT, prepare: ofRating },
        'DELETE /api/me/assessments/:id/ratings/:statementId': { expect: PARTICIPANT, prepare: ofRating },
        'POST /api/me/assessments/:id/submit': { expect: PARTICIPANT, prepare: ofAssessment('individual') },
      };
    })(),
    // ── end dgca assessments ──
    // ── dgca results (issue 9) ──
    ...((): Record<string, Entry> => {
      /** Managers: the assessment institution's admins and platform admins; hidden (404) from other admins. */
      const RESULTS_MANAGER = row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403');
      /** The team (the demo learner) once completed; anyone else signed in, managers too, gets 404. */
      const RESULTS_PARTICIPANT = row('401', { learner: 'ok' }, '404');
      const ofAssessment = (status: 'consensus' | 'completed') => async () => ({
        params: { id: await matrixAssessment(status) },
      });
      /** The completed assessment and one of its statements: managers get 409 (final), nothing changes. */
      const ofFinalConsensus = async () => {
        const id = await matrixAssessment('completed');
        const [found] = (await db.query(
          `SELECT s.id, (v.scale->0->>'value')::int AS value
             FROM dgca_assessment a JOIN dgca_framework_version v ON v.id = a.version_id
             JOIN dgca_dimension d ON d.version_id = v.id JOIN dgca_statement s ON s.dimension_id = d.id
            WHERE a.id = $1 ORDER BY d.position, s.position LIMIT 1`,
          [id],
        )) as { id: string; value: number }[];
        return { params: { id, statementId: found!.id }, body: { value: found!.value } };
      };
      const ofVersion = async () => {
        const [found] = (await db.query(`SELECT version_id AS id FROM dgca_assessment WHERE id = $1`, [
          await matrixAssessment('completed'),
        ])) as { id: string }[];
        return { query: { versionId: found!.id } };
      };
      return {
        'GET /api/studio/dgca/assessments/:id/consensus': {
          expect: RESULTS_MANAGER,
          prepare: ofAssessment('consensus'),
        },
        'PUT /api/studio/dgca/assessments/:id/consensus/:statementId': {
          expect: RESULTS_MANAGER,
          prepare: ofFinalConsensus,
        },
        'GET /api/studio/dgca/assessments/:id/results': {
          expect: RESULTS_MANAGER,
          prepare: ofAssessment('consensus'),
        },
        'GET /api/studio/dgca/assessments/:id/results.csv': {
          expect: RESULTS_MANAGER,
          prepare: ofAssessment('consensus'),
        },
        'GET /api/studio/dgca/assessments/:id/results.pdf': {
          expect: RESULTS_MANAGER,
          prepare: ofAssessment('completed'),
        },
        // Anonymous and pooled over countries: any institution admin may read it.
        'GET /api/studio/dgca/regional': { expect: ANY_ADMIN, prepare: ofVersion },
        'GET /api/me/assessments/:id/results': {
          expect: RESULTS_PARTICIPANT,
          prepare: ofAssessment('completed'),
        },
        'GET /api/me/assessments/:id/results.pdf': {
          expect: RESULTS_PARTICIPANT,
          prepare: ofAssessment('completed'),
        },
      };
    })(),
    // ── end dgca results ──
    // ── dgca actions (issue 9) ──
    ...((): Record<string, Entry> => {
      /** The assessment's managers: its institution's admins and platform admins; hidden from other admins. */
      const PLAN_MANAGER = row('401', { sameAdmin: 'ok', otherAdmin: '404', platformAdmin: 'ok' }, '403');
      /** The team: the demo learner takes part; anyone else signed in (managers too) gets 404. */
      const PLAN_PARTICIPANT = row('401', { learner: 'ok' }, '404');
      const ofAssessment = async () => ({ params: { id: await matrixAssessment('consensus') } });
      let planAction = '';
      /** An action in the consensus-round assessment's plan, made once as the platform admin. */
      const ofAction = async () => {
        const id = await matrixAssessment('consensus');
        if (!planAction) {
          const res = await call(
            t,
            sessions.get('platformAdmin'),
            'post',
            `/api/studio/dgca/assessments/${id}/actions`,
          ).send({
            dimensionKey: 'strategy',
            title: 'Matrix action',
            impact: 2,
            feasibility: 2,
          });
          expect(res.status).toBe(201);
          planAction = res.body.id as string;
        }
        return { params: { id, actionId: planAction } };
      };
      return {
        'GET /api/studio/dgca/assessments/:id/actions': { expect: PLAN_MANAGER, prepare: ofAssessment },
        'POST /api/studio/dgca/assessments/:id/actions': {
          expect: PLAN_MANAGER,
          prepare: ofAssessment,
          body: { dimensionKey: 'strategy', title: 'Matrix action', impact: 1, feasibility: 1 },
        },
        'GET /api/studio/dgca/assessments/:id/actions.csv': { expect: PLAN_MANAGER, prepare: ofAssessment },
        'GET /api/studio/dgca/assessments/:id/actions.pdf': { expect: PLAN_MANAGER, prepare: ofAssessment },
        // A revision nobody read: those who get through are answered 409 stale-version, nothing changes.
        'PATCH /api/studio/dgca/actions/:actionId': {
          expect: PLAN_MANAGER,
          prepare: ofAction,
          body: { revision: 999, title: 'Matrix edit' },
        },
        'DELETE /api/studio/dgca/actions/:actionId': {
          expect: PLAN_MANAGER,
          prepare: async () => ({ ...(await ofAction()), query: { revision: '999' } }),
        },
        'POST /api/studio/dgca/actions/:actionId/updates': {
          expect: PLAN_MANAGER,
          prepare: ofAction,
          body: { comment: 'Matrix progress' },
        },
        'GET /api/me/assessments/:id/actions': { expect: PLAN_PARTICIPANT, prepare: ofAssessment },
        'POST /api/me/assessments/:id/actions/:actionId/updates': {
          expect: PLAN_PARTICIPANT,
          prepare: ofAction,
          body: { comment: 'Matrix progress' },
        },
      };
    })(),
    // ── end dgca actions ──
  };

  const signInAs = (caller: Caller) => {
    const account = accounts[caller as Exclude<Caller, 'anonymous'>];
    return signIn(t, account.email, account.password);
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    accounts.otherAdmin = (await createInstitutionWithAdmin(t, 'matrix')).admin;
    for (const caller of CALLERS) {
      if (caller === 'anonymous') continue;
      sessions.set(caller, await signInAs(caller));
    }
    const first = await invitation();
    invitationToken = first.token;
    mailId = first.mailId;
    const admin = sessions.get('platformAdmin');
    const created = await call(t, admin, 'post', '/api/studio/courses').send({
      slug: unique('matrix-course'),
      title: 'Matrix course',
      language: 'en',
      institutionId: lc,
    });
    course.id = created.body.id as string;
    const added = await call(t, admin, 'post', `/api/studio/courses/${course.id}/modules`).send({
      revision: 1,
      title: 'Matrix module',
    });
    course.moduleId = added.body.id as string;
    const lesson = await call(
      t,
      admin,
      'post',
      `/api/studio/courses/${course.id}/modules/${course.moduleId}/activities`,
    ).send({ revision: 2, kind: 'lesson', title: 'Matrix lesson' });
    course.activityId = lesson.body.id as string;
  });
  afterAll(() => t.close());

  it('has an entry for every route, and no entry for a route that does not exist', () => {
    const routes = t.app
      .get(RouteTable)
      .routes()
      .map((route) => `${route.method} ${route.path}`)
      .sort();
    expect({ missingFromMatrix: routes.filter((route) => !(route in MATRIX)) }).toEqual({
      missingFromMatrix: [],
    });
    expect({ notARoute: Object.keys(MATRIX).filter((key) => !routes.includes(key)) }).toEqual({
      notARoute: [],
    });
  });

  it('answers every caller as the matrix says', async () => {
    const routes = t.app.get(RouteTable).routes();
    const mismatches: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const entry = MATRIX[key];
      if (!entry) continue; // reported by the test above
      for (const caller of CALLERS) {
        const prepared = entry.prepare ? await entry.prepare(caller) : {};
        const params: Record<string, string> = { id: lc, ...prepared.params };
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `missing-${name}`);
        let session = sessions.get(caller);
        if (session && entry.freshSession) session = await signInAs(caller);
        const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
        const request = call(t, session, method, path).query(prepared.query ?? {});
        const body = prepared.body ?? entry.body;
        const res = await (body ? request.send(body) : request);
        const got: string =
          res.status >= 500
            ? `${res.status}`
            : ['401', '403', '404'].includes(String(res.status))
              ? String(res.status)
              : 'ok';
        // Signing out or ending "other sessions" may have ended the shared session: start another.
        if (session && entry.freshSession) sessions.set(caller, await signInAs(caller));
        if (got !== entry.expect[caller]) {
          mismatches.push(
            `${key} as ${caller}: expected ${entry.expect[caller]}, got ${res.status} ${res.body?.detail ?? ''}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every route × six callers, one after another: well over the default 30 s on a busy machine.
  }, 240_000);
});

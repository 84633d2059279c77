import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createInstitutionWithAdmin } from './admin-fixtures.js';
import { enrolledScormLearner, scorm2004Zip, scormCourse, type ScormCourse } from './scorm-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

interface Launch {
  sessionId: string;
  scoId: string;
  entry: string;
  attemptNumber: number;
  commitUrl: string;
}

describe("SCORM reports: a trainer's view of learners' attempts, and resetting them", () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let course: ScormCourse;
  let finisher: TestSession;
  let pauser: TestSession;
  let idle: TestSession;

  const launch = async (learner: TestSession, body: Record<string, unknown>): Promise<Launch> => {
    const res = await call(
      t,
      learner,
      'post',
      `/api/me/learning/${course.slug}/scorm/${course.activityId}/navigation`,
    ).send(body);
    expect(res.status).toBe(200);
    return res.body.delivery as Launch;
  };
  const commit = async (
    learner: TestSession,
    session: Launch,
    cmi: Record<string, unknown>,
    sequence = 1,
  ) => {
    const res = await t.http
      .post(`${session.commitUrl}?final=true`)
      .set('cookie', learner.cookie)
      .set('content-type', 'text/plain;charset=UTF-8')
      .send(JSON.stringify({ cmi, commitSequence: sequence }));
    expect(res.body).toEqual({ result: 'true', errorCode: 0 });
  };
  const learners = (session: TestSession | undefined, activityId = course.activityId) =>
    call(t, session, 'get', `/api/studio/scorm/${activityId}/learners`);
  const enrolmentOf = async (learner: TestSession) => {
    const [row] = (await db.query(`SELECT id FROM enrolment WHERE user_id = $1 AND course_id = $2`, [
      learner.userId,
      course.courseId,
    ])) as { id: string }[];
    return row!.id;
  };

  const done = {
    completion_status: 'completed',
    success_status: 'passed',
    score: { scaled: '0.8', raw: '8', min: '0', max: '10' },
    session_time: 'PT1M',
    exit: 'normal',
    interactions: {
      0: {
        id: 'q1',
        type: 'choice',
        timestamp: '2026-11-30T08:00:00',
        learner_response: 'b',
        result: 'correct',
        weighting: '1',
        latency: 'PT5S',
        description: 'Which flag?',
        correct_responses: { 0: { pattern: 'b' } },
      },
    },
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    course = await scormCourse(t, trainer, lc, await scorm2004Zip({ sequential: false }));
    finisher = await enrolledScormLearner(t, lc, course.slug);
    pauser = await enrolledScormLearner(t, lc, course.slug);
    idle = await enrolledScormLearner(t, lc, course.slug);

    // The finisher completes all three SCOs; the pauser suspends in the first.
    let session = await launch(finisher, { request: 'start' });
    for (let i = 0; i < 3; i += 1) {
      await commit(finisher, session, done);
      if (i < 2) session = await launch(finisher, { request: 'continue', fromSessionId: session.sessionId });
    }
    const paused = await launch(pauser, { request: 'start' });
    await commit(pauser, paused, {
      completion_status: 'incomplete',
      location: 'slide-4',
      suspend_data: 'x'.repeat(1234),
      session_time: 'PT30S',
      exit: 'suspend',
    });
  });
  afterAll(() => t.close());

  it("lists the activity's learners with rolled-up status, attempts, time and last launch", async () => {
    const res = await learners(trainer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    const row = (learner: TestSession) =>
      (res.body.items as { userId: string }[]).find((item) => item.userId === learner.userId);
    expect(row(finisher)).toMatchObject({
      completion: 'completed',
      success: 'passed',
      attempts: 3,
      totalSeconds: 180,
      completedAt: expect.any(String),
      lastLaunchedAt: expect.any(String),
    });
    expect(row(pauser)).toMatchObject({
      completion: 'incomplete',
      success: 'unknown',
      attempts: 1,
      totalSeconds: 30,
      completedAt: null,
    });
    expect(row(idle)).toMatchObject({
      completion: 'not attempted',
      attempts: 0,
      totalSeconds: 0,
      lastLaunchedAt: null,
    });
    const paged = await call(
      t,
      trainer,
      'get',
      `/api/studio/scorm/${course.activityId}/learners?page=2&pageSize=2`,
    );
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(paged.body.items).toHaveLength(1);
  });

  it("shows every attempt of a learner with the runtime data it stored, SCOs in the package's order", async () => {
    const res = await call(
      t,
      trainer,
      'get',
      `/api/studio/scorm/${course.activityId}/learners/${await enrolmentOf(finisher)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.scos.map((s: { identifier: string }) => s.identifier)).toEqual(['one', 'two', 'three']);
    expect(res.body.scos[0]).toMatchObject({ title: 'Step 1' });
    expect(res.body.scos[0].attempts).toEqual([
      expect.objectContaining({
        number: 1,
        state: 'ended',
        sessionCount: 1,
        completion: 'completed',
        success: 'passed',
        scoreScaled: 0.8,
        scoreRaw: 8,
        scoreMin: 0,
        scoreMax: 10,
        totalSeconds: 60,
        exit: 'normal',
        interactions: [
          {
            id: 'q1',
            type: 'choice',
            description: 'Which flag?',
            learnerResponse: 'b',
            correctResponses: ['b'],
            result: 'correct',
            weighting: '1',
            latency: 'PT5S',
            timestamp: '2026-11-30T08:00:00',
          },
        ],
      }),
    ]);
    const paused = await call(
      t,
      trainer,
      'get',
      `/api/studio/scorm/${course.activityId}/learners/${await enrolmentOf(pauser)}`,
    );
    expect(paused.body.scos[0].attempts[0]).toMatchObject({
      state: 'suspended',
      location: 'slide-4',
      suspendDataLength: 1234,
      endedAt: null,
    });
    expect(paused.body.scos[1].attempts).toEqual([]);
  });

  it('resets a learner: open and suspended attempts end, the next launch starts afresh, and it is audited', async () => {
    const enrolmentId = await enrolmentOf(pauser);
    const res = await call(
      t,
      trainer,
      'post',
      `/api/studio/scorm/${course.activityId}/learners/${enrolmentId}/reset`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ reset: 1 });
    const [event] = (await db.query(
      `SELECT action, target_type AS "targetType", details FROM audit_event WHERE action = 'scorm.attempts_reset' AND target_id = $1`,
      [enrolmentId],
    )) as { action: string; targetType: string; details: Record<string, unknown> }[];
    expect(event).toMatchObject({
      targetType: 'enrolment',
      details: { attemptsEnded: 1, activityId: course.activityId },
    });

    const view = await call(t, pauser, 'get', `/api/me/learning/${course.slug}/scorm/${course.activityId}`);
    expect(view.body.resumeScoId).toBeNull();
    const fresh = await launch(pauser, { request: 'start' });
    expect(fresh).toMatchObject({ scoId: 'one', entry: 'ab-initio', attemptNumber: 2 });

    // Completion already earned stays.
    const again = await call(
      t,
      trainer,
      'post',
      `/api/studio/scorm/${course.activityId}/learners/${await enrolmentOf(finisher)}/reset`,
    );
    expect(again.body).toEqual({ reset: 0 });
    const learning = await call(t, finisher, 'get', `/api/me/learning/${course.slug}`);
    expect(learning.body.completedAt).not.toBeNull();
  });

  it("lets only the course's authors see and reset, as for quiz results", async () => {
    const enrolmentId = await enrolmentOf(finisher);
    const detail = `/api/studio/scorm/${course.activityId}/learners/${enrolmentId}`;
    const admin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    expect((await learners(admin)).status).toBe(200);
    expect((await call(t, admin, 'get', detail)).status).toBe(200);

    expect((await learners(finisher)).status).toBe(403);
    expect((await call(t, finisher, 'get', detail)).status).toBe(403);
    expect((await call(t, finisher, 'post', `${detail}/reset`)).status).toBe(403);
    expect((await learners(undefined)).status).toBe(401);

    const other = (await createInstitutionWithAdmin(t, 'scorm-reports')).admin;
    const outsider = await signIn(t, other.email, other.password);
    expect((await learners(outsider)).status).toBe(404);
    expect((await call(t, outsider, 'get', detail)).status).toBe(404);
    expect((await call(t, outsider, 'post', `${detail}/reset`)).status).toBe(404);

    // A learner of another course, or an activity that is not a scorm one, is not found.
    const elsewhere = await scormCourse(t, trainer, lc);
    const stranger = await enrolledScormLearner(t, lc, elsewhere.slug);
    const [strangerEnrolment] = (await db.query(`SELECT id FROM enrolment WHERE user_id = $1`, [
      stranger.userId,
    ])) as { id: string }[];
    expect(
      (
        await call(
          t,
          trainer,
          'get',
          `/api/studio/scorm/${course.activityId}/learners/${strangerEnrolment!.id}`,
        )
      ).status,
    ).toBe(404);
    const [lesson] = (await db.query(`SELECT id FROM activity WHERE kind = 'lesson' LIMIT 1`)) as {
      id: string;
    }[];
    expect((await learners(trainer, lesson!.id)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { RouteTable } from '../src/common/access/route-table.js';
import { attemptWrite, readCommitBody, SESSION_SECONDS_MAX } from '../src/scorm/runtime/cmi-commit.js';
import { parseTimespan, toIsoDuration, toScorm12Timespan } from '../src/scorm/runtime/scorm-time.js';
import {
  SCORM2004_NAMESPACES,
  scorm12MultiZip,
  scorm2004Zip,
  scormCourse,
  createScormActivity,
  uploadScormPackage,
  enrolledScormLearner,
  zipWithManifest,
  scoHtml,
  type ScormCourse,
} from './scorm-fixtures.js';
import { publish } from './course-fixtures.js';
import { call, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

/** Stored or launched CMI, read loosely: its shape depends on the SCORM version. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cmi = Record<string, any>;

interface Launch {
  sessionId: string;
  scoId: string;
  attemptNumber: number;
  entry: string;
  launchUrl: string;
  scormType: string;
  commitUrl: string;
  cmi: Cmi;
  settings: { masteryOverride: boolean };
  hideLmsUi: string[];
}

interface Attempt {
  number: number;
  cmi: Cmi;
  completion: string;
  success: string;
  scoreScaled: number | null;
  totalSeconds: number;
  suspended: boolean;
  ended: boolean;
  sessionCount: number;
}

/** A 2004 package of one SCO whose completion and success the LMS decides from its manifest. */
const thresholdManifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="measure.2004" version="1" ${SCORM2004_NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Measured</title>
      <item identifier="measured" identifierref="res_measured">
        <title>Measured SCO</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_measured" type="webcontent" adlcp:scormType="sco" href="measured.html">
      <file href="measured.html"/>
    </resource>
  </resources>
</manifest>`;

describe('SCORM runtime: pure parts', () => {
  it('reads 1.2 and ISO 8601 time spans and writes them back', () => {
    expect(parseTimespan('0001:02:03.5')).toBeCloseTo(3723.5);
    expect(parseTimespan('00:00:30')).toBe(30);
    expect(parseTimespan('PT1H2M3.5S')).toBeCloseTo(3723.5);
    expect(parseTimespan('P1DT1S')).toBe(86401);
    expect(parseTimespan('PT')).toBeNull();
    expect(parseTimespan('soon')).toBeNull();
    expect(parseTimespan(`P${'9'.repeat(400)}Y`)).toBeNull();
    expect(toScorm12Timespan(3723.5)).toBe('0001:02:03.50');
    expect(toIsoDuration(3723.5)).toBe('PT1H2M3.5S');
  });

  it('maps 1.2 statuses with the mastery score and scales raw scores', () => {
    const rules = {
      masteryScore: 80,
      completionThreshold: null,
      scaledPassingScore: null,
      launchData: null,
      maxTimeAllowed: null,
      timeLimitAction: null,
    };
    const body = (status: string, raw: string) => ({
      commitSequence: 1,
      cmi: { core: { lesson_status: status, score: { raw, min: '', max: '' }, student_id: 'x' } },
    });
    const passed = attemptWrite(body('completed', '90'), {
      is2004: false,
      rules,
      final: false,
      baseSeconds: 0,
    });
    expect(passed).toMatchObject({ completion: 'completed', success: 'passed', scoreScaled: 0.9 });
    expect((passed as { cmi: Cmi }).cmi.core).toEqual({ lesson_status: 'passed', score: { raw: '90' } });
    const failed = attemptWrite(body('completed', '50'), {
      is2004: false,
      rules,
      final: false,
      baseSeconds: 0,
    });
    expect(failed).toMatchObject({ completion: 'completed', success: 'failed', scoreScaled: 0.5 });
    const going = attemptWrite(body('incomplete', '50'), {
      is2004: false,
      rules,
      final: false,
      baseSeconds: 0,
    });
    expect(going).toMatchObject({ completion: 'incomplete', success: 'unknown' });
  });

  it("takes a 2004 session's time from total_time when the SCO reports none, and scales raw scores", () => {
    const rules = {
      masteryScore: null,
      completionThreshold: null,
      scaledPassingScore: null,
      launchData: null,
      maxTimeAllowed: null,
      timeLimitAction: null,
    };
    // scorm-again's terminate commit: what was loaded (60 s) plus the wall-clock time since Initialize.
    const write = attemptWrite(
      {
        commitSequence: 4,
        cmi: {
          session_time: 'PT0H0M0S',
          total_time: 'PT1M30S',
          completion_status: 'completed',
          score: { raw: '15', min: '10', max: '20', scaled: '' },
          learner_id: 'not kept',
          comments_from_lms: { 0: { comment: 'not kept' } },
        },
      },
      { is2004: true, rules, final: true, baseSeconds: 60 },
    );
    expect(write).toMatchObject({
      sessionSeconds: 30,
      scoreScaled: 0.5,
      completion: 'completed',
      ended: true,
    });
    expect((write as { cmi: Cmi }).cmi).toEqual({
      session_time: 'PT0H0M0S',
      completion_status: 'completed',
      score: { raw: '15', min: '10', max: '20' },
    });
  });

  it('reads commit bodies sent as text and refuses what is not a commit', () => {
    expect(readCommitBody('{"cmi":{},"commitSequence":3}')).toEqual({ cmi: {}, commitSequence: 3 });
    expect(typeof readCommitBody('not json')).toBe('string');
    expect(typeof readCommitBody({ cmi: {} })).toBe('string');
    expect(typeof readCommitBody({ cmi: [], commitSequence: 1 })).toBe('string');
  });
});

describe('SCORM runtime: launching, committing, resuming, sequencing, completing', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let single: ScormCourse;

  const navigate = (learner: TestSession, c: ScormCourse, body: Record<string, unknown>) =>
    call(t, learner, 'post', `/api/me/learning/${c.slug}/scorm/${c.activityId}/navigation`).send(body);

  const launch = async (
    learner: TestSession,
    c: ScormCourse,
    body: Record<string, unknown>,
  ): Promise<Launch> => {
    const res = await navigate(learner, c, body);
    expect(res.status).toBe(200);
    expect(res.body.delivery).not.toBeNull();
    return res.body.delivery as Launch;
  };

  /** A commit as scorm-again posts it: no CSRF header, JSON by XHR or text by sendBeacon. */
  const commit = (
    learner: TestSession,
    session: Launch,
    cmi: Record<string, unknown>,
    sequence: number,
    options: { final?: boolean; beacon?: boolean; headers?: Record<string, string> } = {},
  ) => {
    const req = t.http
      .post(`${session.commitUrl}${options.final ? '?final=true' : ''}`)
      .set('cookie', learner.cookie)
      .set(options.headers ?? {});
    const body = { cmi, commitSequence: sequence };
    return options.beacon
      ? req.set('content-type', 'text/plain;charset=UTF-8').send(JSON.stringify(body))
      : req.send(body);
  };

  const attemptOf = async (sessionId: string): Promise<Attempt> => {
    const [row] = (await db.query(
      `SELECT number, cmi || jsonb_strip_nulls(jsonb_build_object('suspend_data', suspend_data)) AS cmi,
              completion_status AS completion, success_status AS success,
              score_scaled::float8 AS "scoreScaled", total_seconds::float8 AS "totalSeconds", suspended,
              ended_at IS NOT NULL AS ended, session_count AS "sessionCount"
         FROM scorm_attempt WHERE session_id = $1`,
      [sessionId],
    )) as Attempt[];
    return row!;
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    single = await scormCourse(t, trainer, lc);
  });
  afterAll(() => t.close());

  it('launches a SCO ab-initio with the LMS values scorm-again loads before Initialize', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const view = await call(t, learner, 'get', `/api/me/learning/${single.slug}/scorm/${single.activityId}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      activityId: single.activityId,
      scormVersion: '1.2',
      packageId: single.packageId,
      controls: { choice: true, flow: true, forwardOnly: false },
      resumeScoId: null,
      activityStatus: 'not-started',
    });
    expect(view.body.tree).toEqual([
      expect.objectContaining({
        identifier: 'item_1',
        scormType: 'sco',
        launchable: true,
        completion: 'not attempted',
      }),
    ]);

    const res = await navigate(learner, single, { request: 'start' });
    expect(res.status).toBe(200);
    const delivery = res.body.delivery as Launch;
    expect(delivery).toMatchObject({
      scoId: 'item_1',
      attemptNumber: 1,
      entry: 'ab-initio',
      scormType: 'sco',
      launchUrl: `/api/scorm/packages/${single.packageId}/files/index.html`,
      commitUrl: `/api/scorm/sessions/${delivery.sessionId}/commits`,
      settings: { masteryOverride: false },
      hideLmsUi: [],
    });
    expect(delivery.cmi).toEqual({
      core: {
        student_id: learner.userId,
        student_name: expect.any(String),
        credit: 'credit',
        lesson_mode: 'normal',
        entry: 'ab-initio',
        total_time: '0000:00:00.00',
      },
      launch_data: 'level=1',
      student_data: { mastery_score: '80' },
    });
    expect(res.body.player.activityStatus).toBe('started');
    const attempt = await attemptOf(delivery.sessionId);
    expect(attempt).toMatchObject({ number: 1, completion: 'not attempted', sessionCount: 1, ended: false });
  });

  it('applies commits in sequence: duplicates and stale ones answer true and change nothing', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const session = await launch(learner, single, { request: 'start' });
    const core = (location: string) => ({ core: { lesson_location: location, lesson_status: 'incomplete' } });

    const second = await commit(learner, session, core('page-2'), 2);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ result: 'true', errorCode: 0 });
    const stale = await commit(learner, session, core('page-1'), 1);
    expect(stale.body).toEqual({ result: 'true', errorCode: 0 });
    const duplicate = await commit(learner, session, core('page-duplicate'), 2);
    expect(duplicate.body).toEqual({ result: 'true', errorCode: 0 });
    expect((await attemptOf(session.sessionId)).cmi.core.lesson_location).toBe('page-2');

    // Many commits of one session at once (a page firing its autocommit and its own): the highest wins.
    const results = await Promise.all(
      [7, 3, 9, 4, 8, 5, 6].map((n) => commit(learner, session, core(`page-${n}`), n)),
    );
    expect(results.map((r) => r.body.result)).toEqual(Array(7).fill('true'));
    expect((await attemptOf(session.sessionId)).cmi.core.lesson_location).toBe('page-9');

    // Two sessions' commits interleaved, all at once: each ends with its own highest.
    const other = await enrolledScormLearner(t, lc, single.slug);
    const otherSession = await launch(other, single, { request: 'start' });
    const mixed = await Promise.all(
      [12, 11, 15, 13, 14].flatMap((n) => [
        commit(learner, session, core(`mine-${n}`), n),
        commit(other, otherSession, core(`theirs-${n}`), n - 10),
      ]),
    );
    expect(mixed.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect((await attemptOf(session.sessionId)).cmi.core.lesson_location).toBe('mine-15');
    expect((await attemptOf(otherSession.sessionId)).cmi.core.lesson_location).toBe('theirs-15');

    const bad = await commit(learner, session, core('x'), 0);
    expect(bad.status).toBe(400);
  });

  it('accepts the terminate commit as text/plain without a CSRF token, as sendBeacon sends it', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const session = await launch(learner, single, { request: 'start' });
    const res = await commit(
      learner,
      session,
      {
        core: {
          lesson_location: 'end',
          lesson_status: 'incomplete',
          exit: 'suspend',
          session_time: '00:00:10',
        },
      },
      1,
      {
        final: true,
        beacon: true,
        headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: 'true', errorCode: 0 });
    const attempt = await attemptOf(session.sessionId);
    expect(attempt).toMatchObject({ suspended: true, ended: false, totalSeconds: 10 });
    expect(attempt.cmi.core.lesson_location).toBe('end');
    // After the final commit the session is closed: a late commit changes nothing.
    await commit(learner, session, { core: { lesson_location: 'late' } }, 2);
    expect((await attemptOf(session.sessionId)).cmi.core.lesson_location).toBe('end');
  });

  it('exempts only the commit route from the CSRF header', () => {
    const exempt = t.app
      .get(RouteTable)
      .routes()
      .filter((route) => route.csrfExempt !== undefined)
      .map((route) => `${route.method} ${route.path}`);
    expect(exempt).toEqual(['POST /api/scorm/sessions/:sessionId/commits']);
  });

  it('refuses cross-site commits, and keeps requiring the CSRF token everywhere else', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const session = await launch(learner, single, { request: 'start' });
    const cmi = { core: { lesson_location: 'evil' } };
    const crossOrigin = await commit(learner, session, cmi, 1, {
      beacon: true,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await commit(learner, session, cmi, 2, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const opaque = await commit(learner, session, cmi, 3, { headers: { origin: 'null' } });
    expect(opaque.status).toBe(403);
    expect((await attemptOf(session.sessionId)).cmi).toEqual({});
    // Navigation is an ordinary write: without the token it is refused.
    const noToken = await t.http
      .post(`/api/me/learning/${single.slug}/scorm/${single.activityId}/navigation`)
      .set('cookie', learner.cookie)
      .send({ request: 'start' });
    expect(noToken.status).toBe(403);
    const anonymous = await t.http.post(session.commitUrl).send({ cmi, commitSequence: 4 });
    expect(anonymous.status).toBe(401);
  });

  it("refuses another learner's session as if it did not exist", async () => {
    const owner = await enrolledScormLearner(t, lc, single.slug);
    const other = await enrolledScormLearner(t, lc, single.slug);
    const session = await launch(owner, single, { request: 'start' });
    const res = await commit(other, session, { core: { lesson_location: 'mine now' } }, 1);
    expect(res.status).toBe(404);
    const unknown = await t.http
      .post('/api/scorm/sessions/00000000-0000-4000-8000-000000000000/commits')
      .set('cookie', other.cookie)
      .send({ cmi: {}, commitSequence: 1 });
    expect(unknown.status).toBe(404);
    expect((await attemptOf(session.sessionId)).cmi).toEqual({});
    const notEnrolled = await navigate(other, { ...single, slug: 'no-such-course' }, { request: 'start' });
    expect(notEnrolled.status).toBe(404);
  });

  it('resumes a suspended attempt with its location and 64,000 characters of suspend_data intact', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const first = await launch(learner, single, { request: 'start' });
    const suspendData = `${'aé€😀|{"x'.repeat(7110)}abcdefghij`;
    expect(suspendData.length).toBe(64000);
    const saved = await commit(
      learner,
      first,
      {
        core: { lesson_location: 'chapter-3', lesson_status: 'incomplete', exit: 'suspend' },
        suspend_data: suspendData,
      },
      1,
      { final: true, beacon: true },
    );
    expect(saved.body).toEqual({ result: 'true', errorCode: 0 });

    const view = await call(t, learner, 'get', `/api/me/learning/${single.slug}/scorm/${single.activityId}`);
    expect(view.body.resumeScoId).toBe('item_1');
    const resumed = await launch(learner, single, { request: 'start', fromSessionId: first.sessionId });
    expect(resumed).toMatchObject({ scoId: 'item_1', attemptNumber: 1, entry: 'resume' });
    expect(resumed.sessionId).not.toBe(first.sessionId);
    expect(resumed.cmi.suspend_data).toBe(suspendData);
    expect(resumed.cmi.core).toMatchObject({
      entry: 'resume',
      lesson_location: 'chapter-3',
      lesson_status: 'incomplete',
    });
    expect((await attemptOf(resumed.sessionId)).sessionCount).toBe(2);

    // The new session counts from 1 again; the old one can no longer write.
    const again = await commit(
      learner,
      resumed,
      { core: { lesson_location: 'chapter-4' }, suspend_data: suspendData },
      1,
    );
    expect(again.body.result).toBe('true');
    const old = await commit(learner, first, { core: { lesson_location: 'old tab' } }, 99);
    expect(old.status).toBe(404);
    expect((await attemptOf(resumed.sessionId)).cmi.core.lesson_location).toBe('chapter-4');

    const tooLong = await commit(learner, resumed, { core: {}, suspend_data: `${suspendData}!` }, 2);
    expect(tooLong.status).toBe(200);
    expect(tooLong.body).toEqual({ result: 'false', errorCode: 101 });
    expect((await attemptOf(resumed.sessionId)).cmi.suspend_data).toBe(suspendData);
  });

  it('resumes the SCO left last when several were left suspended', async () => {
    const course = await scormCourse(t, trainer, lc, await scorm2004Zip({ sequential: false }));
    const learner = await enrolledScormLearner(t, lc, course.slug);
    // Real SCOs set exit=suspend as they unload, so moving on with Next leaves each suspended.
    const suspend = { completion_status: 'incomplete', exit: 'suspend' };
    const one = await launch(learner, course, { request: 'start' });
    await commit(learner, one, { ...suspend, location: 'one-3' }, 1, { final: true, beacon: true });
    const two = await launch(learner, course, { request: 'continue', fromSessionId: one.sessionId });
    expect(two.scoId).toBe('two');
    await commit(learner, two, { ...suspend, location: 'two-5' }, 1, { final: true, beacon: true });

    const view = await call(t, learner, 'get', `/api/me/learning/${course.slug}/scorm/${course.activityId}`);
    expect(view.body.resumeScoId).toBe('two');
    const resumed = await launch(learner, course, { request: 'start' });
    expect(resumed).toMatchObject({ scoId: 'two', entry: 'resume' });
    expect(resumed.cmi.location).toBe('two-5');
  });

  it('counts total_time once per session: the base plus the latest session_time', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const first = await launch(learner, single, { request: 'start' });
    const core = (time: string, exit = 'suspend') => ({
      core: { lesson_status: 'incomplete', session_time: time, exit },
    });
    await commit(learner, first, core('00:01:00'), 1);
    await commit(learner, first, core('00:02:00'), 2);
    await commit(learner, first, core('00:02:00'), 3, { final: true, beacon: true });
    expect((await attemptOf(first.sessionId)).totalSeconds).toBe(120);

    const second = await launch(learner, single, { request: 'start', fromSessionId: first.sessionId });
    expect(second.cmi.core.total_time).toBe('0000:02:00.00');
    await commit(learner, second, core('00:00:30'), 1);
    await commit(learner, second, core('00:00:30'), 2);
    await commit(learner, second, core('00:00:45', ''), 3, { final: true, beacon: true });
    const ended = await attemptOf(second.sessionId);
    expect(ended).toMatchObject({ totalSeconds: 165, ended: true, suspended: false });

    // The attempt ended without suspending: the next launch is a new attempt, from zero.
    const third = await launch(learner, single, { request: 'start', fromSessionId: second.sessionId });
    expect(third).toMatchObject({ entry: 'ab-initio', attemptNumber: 2 });
    expect(third.cmi.core.total_time).toBe('0000:00:00.00');
  });

  it('decides 1.2 passed or failed from the mastery score, and completes the activity only when passed', async () => {
    const passing = await enrolledScormLearner(t, lc, single.slug);
    const failing = await enrolledScormLearner(t, lc, single.slug);
    for (const [learner, raw] of [
      [passing, '85'],
      [failing, '40'],
    ] as const) {
      const session = await launch(learner, single, { request: 'start' });
      const res = await commit(
        learner,
        session,
        { core: { lesson_status: 'completed', score: { raw, min: '0', max: '100' }, exit: '' } },
        1,
        { final: true, beacon: true },
      );
      expect(res.body.result).toBe('true');
    }
    const statusOf = async (learner: TestSession) =>
      (await call(t, learner, 'get', `/api/me/learning/${single.slug}/scorm/${single.activityId}`)).body;
    const passed = await statusOf(passing);
    expect(passed.tree[0]).toMatchObject({ completion: 'completed', success: 'passed', scoreScaled: 0.85 });
    expect(passed.activityStatus).toBe('completed');
    const failed = await statusOf(failing);
    expect(failed.tree[0]).toMatchObject({ completion: 'completed', success: 'failed', scoreScaled: 0.4 });
    expect(failed.activityStatus).toBe('started');
  });

  it('lets only the runtime complete a scorm activity: the progress route refuses completed', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const path = `/api/me/learning/${single.slug}/activities/${single.activityId}/progress`;
    const at = new Date().toISOString();
    const refused = await call(t, learner, 'put', path).send({ at, completed: true });
    expect(refused.status).toBe(422);
    const visited = await call(t, learner, 'put', path).send({ at });
    expect(visited.status).toBe(200);
    const view = await call(t, learner, 'get', `/api/me/learning/${single.slug}/scorm/${single.activityId}`);
    expect(view.body.activityStatus).toBe('started');
  });

  it('decides 2004 completion by the threshold and success by the scaled passing score', async () => {
    const course = await scormCourse(
      t,
      trainer,
      lc,
      await zipWithManifest(thresholdManifest, [
        { name: 'measured.html', data: scoHtml('Measured', '2004') },
      ]),
    );
    const learner = await enrolledScormLearner(t, lc, course.slug);
    const session = await launch(learner, course, { request: 'start' });
    expect(session.cmi).toMatchObject({
      learner_id: learner.userId,
      credit: 'credit',
      mode: 'normal',
      entry: 'ab-initio',
      completion_threshold: '0.8',
      scaled_passing_score: '0.7',
      total_time: 'PT0H0M0S',
    });
    expect(session.hideLmsUi).toEqual(['previous', 'continue']);
    const cmi = (measure: string, scaled: string) => ({
      completion_status: 'completed',
      success_status: 'passed',
      progress_measure: measure,
      score: { scaled },
      exit: 'suspend',
    });
    await commit(learner, session, cmi('0.5', '0.6'), 1);
    expect(await attemptOf(session.sessionId)).toMatchObject({
      completion: 'incomplete',
      success: 'failed',
      scoreScaled: 0.6,
    });
    await commit(learner, session, cmi('0.9', '0.75'), 2, { final: true, beacon: true });
    expect(await attemptOf(session.sessionId)).toMatchObject({ completion: 'completed', success: 'passed' });
    const view = await call(t, learner, 'get', `/api/me/learning/${course.slug}/scorm/${course.activityId}`);
    expect(view.body.activityStatus).toBe('completed');
  });

  it('navigates a multi-SCO 1.2 package with continue, previous and choice', async () => {
    const course = await scormCourse(t, trainer, lc, await scorm12MultiZip());
    const learner = await enrolledScormLearner(t, lc, course.slug);
    const before = await call(
      t,
      learner,
      'get',
      `/api/me/learning/${course.slug}/scorm/${course.activityId}`,
    );
    expect(before.body.tree).toEqual([
      expect.objectContaining({
        identifier: 'module_1',
        scormType: null,
        launchable: false,
        children: [
          expect.objectContaining({ identifier: 'sco_1', disabled: false }),
          // sco_2's 1.2 prerequisite (sco_1) is not met yet.
          expect.objectContaining({ identifier: 'sco_2', disabled: true }),
        ],
      }),
      expect.objectContaining({ identifier: 'asset_1', scormType: 'asset', launchable: true }),
      expect.objectContaining({ identifier: 'sco_hidden', visible: false }),
    ]);
    const first = await launch(learner, course, { request: 'start' });
    expect(first.scoId).toBe('sco_1');
    await commit(learner, first, { core: { lesson_status: 'completed', exit: '' } }, 1, {
      final: true,
      beacon: true,
    });

    const next = await launch(learner, course, { request: 'continue', fromSessionId: first.sessionId });
    expect(next.scoId).toBe('sco_2');
    // Each SCO terminates (its final commit) before the learner moves on, as scorm-again's does.
    const leave = { core: { lesson_status: 'incomplete', exit: '' } };
    await commit(learner, next, leave, 1, { final: true, beacon: true });
    const back = await launch(learner, course, { request: 'previous', fromSessionId: next.sessionId });
    expect(back).toMatchObject({ scoId: 'sco_1', entry: 'ab-initio', attemptNumber: 2 });
    await commit(learner, back, leave, 1, { final: true, beacon: true });
    const asset = await navigate(learner, course, {
      request: 'choice',
      target: 'asset_1',
      fromSessionId: back.sessionId,
    });
    expect(asset.status).toBe(200);
    expect(asset.body.delivery).toMatchObject({ scoId: 'asset_1', scormType: 'asset' });
    expect(asset.body.delivery.launchUrl).toBe(`/api/scorm/packages/${course.packageId}/files/glossary.html`);
    // Choosing a container goes into it, as SCORM's choice does: to its first SCO.
    const container = await navigate(learner, course, { request: 'choice', target: 'module_1' });
    expect(container.status).toBe(200);
    expect(container.body.delivery.scoId).toBe('sco_1');
    const unknown = await navigate(learner, course, { request: 'choice', target: 'nowhere' });
    expect(unknown.status).toBe(409);
    expect(unknown.body.reason).toBe('unknown-target');
    const bad = await navigate(learner, course, { request: 'jump' });
    expect(bad.status).toBe(400);
  });

  it("waits for the left SCO's final commit when it arrives after the navigation request", async () => {
    const course = await scormCourse(t, trainer, lc, await scorm12MultiZip());
    const learner = await enrolledScormLearner(t, lc, course.slug);
    const first = await launch(learner, course, { request: 'start' });
    const asked = navigate(learner, course, { request: 'continue', fromSessionId: first.sessionId }).then(
      (r) => r,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await commit(learner, first, { core: { lesson_status: 'completed', exit: '' } }, 1, {
      final: true,
      beacon: true,
    });
    const res = await asked;
    expect(res.status).toBe(200);
    expect(res.body.delivery.scoId).toBe('sco_2');
    const module = res.body.player.tree[0];
    expect(module.children[0]).toMatchObject({ identifier: 'sco_1', completion: 'completed' });
  });

  it("keeps a suspended SCO's data across a replaced package that keeps its identifier", async () => {
    const course = await scormCourse(t, trainer, lc, await scorm12MultiZip({ scoIds: ['sco_1', 'sco_2'] }));
    const learner = await enrolledScormLearner(t, lc, course.slug);
    const first = await launch(learner, course, { request: 'start' });
    await commit(
      learner,
      first,
      {
        core: { lesson_location: 'kept', lesson_status: 'incomplete', exit: 'suspend' },
        suspend_data: 'state',
      },
      1,
      { final: true, beacon: true },
    );
    // The trainer replaces the package (sco_1 kept, sco_2 dropped), publishes, and moves the learner.
    const replaced = await uploadScormPackage(
      t,
      trainer,
      course.activityId,
      await scorm12MultiZip({ scoIds: ['sco_1', 'sco_3'] }),
    );
    await publish(t, trainer, course.courseId);
    const moved = await call(t, trainer, 'post', `/api/studio/courses/${course.courseId}/learners/move`).send(
      {
        version: 2,
      },
    );
    expect(moved.status).toBe(200);

    const resumed = await launch(learner, course, { request: 'start', fromSessionId: first.sessionId });
    expect(resumed).toMatchObject({ scoId: 'sco_1', entry: 'resume' });
    expect(resumed.launchUrl).toBe(`/api/scorm/packages/${replaced.id}/files/sco_1/index.html`);
    expect(resumed.cmi).toMatchObject({ core: { lesson_location: 'kept' }, suspend_data: 'state' });
  });

  it('refuses what forced sequencing does not allow with 409 and the reason', async () => {
    const course = await scormCourse(
      t,
      trainer,
      lc,
      await scorm2004Zip({ controlMode: { choice: false, flow: true }, sequential: false }),
    );
    const learner = await enrolledScormLearner(t, lc, course.slug);
    const view = await call(t, learner, 'get', `/api/me/learning/${course.slug}/scorm/${course.activityId}`);
    expect(view.body.controls).toEqual({ choice: false, flow: true, forwardOnly: false });
    const first = await launch(learner, course, { request: 'start' });
    expect(first.scoId).toBe('one');
    await commit(learner, first, { completion_status: 'incomplete', exit: '' }, 1, {
      final: true,
      beacon: true,
    });
    const choice = await navigate(learner, course, {
      request: 'choice',
      target: 'three',
      fromSessionId: first.sessionId,
    });
    expect(choice.status).toBe(409);
    expect(choice.body).toMatchObject({ status: 409, reason: 'choice-not-allowed' });
    const previous = await navigate(learner, course, { request: 'previous', fromSessionId: first.sessionId });
    expect(previous.status).toBe(409);
    expect(previous.body.reason).toBe('no-previous');
  });

  it('completes the activity, and the course progress shows it, once every SCO is completed', async () => {
    const course = await scormCourse(t, trainer, lc, await scorm2004Zip({ sequential: false }));
    const learner = await enrolledScormLearner(t, lc, course.slug);
    let session = await launch(learner, course, { request: 'start' });
    const done = {
      completion_status: 'completed',
      success_status: 'passed',
      score: { scaled: '0.9' },
      exit: 'normal',
    };
    for (const expected of ['one', 'two', 'three']) {
      expect(session.scoId).toBe(expected);
      const res = await commit(learner, session, done, 1, { final: true, beacon: true });
      expect(res.body.result).toBe('true');
      const before = await call(t, learner, 'get', `/api/me/learning/${course.slug}`);
      const activity = before.body.modules[0].activities[0];
      expect(activity.status === 'completed').toBe(expected === 'three');
      if (expected === 'three') break;
      session = await launch(learner, course, { request: 'continue', fromSessionId: session.sessionId });
    }
    const learning = await call(t, learner, 'get', `/api/me/learning/${course.slug}`);
    expect(learning.body.completedAt).not.toBeNull();
    expect(learning.body.progress).toMatchObject({ completed: 1 });
    const view = await call(t, learner, 'get', `/api/me/learning/${course.slug}/scorm/${course.activityId}`);
    expect(view.body.tree.map((i: { completion: string }) => i.completion)).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    const end = await navigate(learner, course, { request: 'continue', fromSessionId: session.sessionId });
    expect(end.status).toBe(200);
    expect(end.body).toMatchObject({ delivery: null, ended: true });
  });

  it('stores scores and times too large to compute with as unknown or capped, never answering 500', async () => {
    const learner = await enrolledScormLearner(t, lc, single.slug);
    const session = await launch(learner, single, { request: 'start' });
    // (raw − min) / (max − min) overflows to NaN, which the attempt's CHECK refuses.
    const huge = await commit(
      learner,
      session,
      { core: { lesson_status: 'incomplete', score: { raw: '1e308', min: '-1e308', max: '1e308' } } },
      1,
    );
    expect(huge.status).toBe(200);
    expect(huge.body).toEqual({ result: 'true', errorCode: 0 });
    expect((await attemptOf(session.sessionId)).scoreScaled).toBeNull();
    // A duration of 400 digits is Infinity seconds; one of 300 is finite but would overflow totals.
    const endless = await commit(learner, session, { core: { session_time: `P${'9'.repeat(400)}Y` } }, 2);
    expect(endless.body).toEqual({ result: 'true', errorCode: 0 });
    expect((await attemptOf(session.sessionId)).totalSeconds).toBe(0);
    await commit(learner, session, { core: { session_time: `P${'9'.repeat(300)}Y` } }, 3);
    expect((await attemptOf(session.sessionId)).totalSeconds).toBeCloseTo(SESSION_SECONDS_MAX);
    const report = await call(
      t,
      trainer,
      'get',
      `/api/studio/scorm/${single.activityId}/learners?pageSize=100`,
    );
    expect(report.status).toBe(200);
  });

  it("does not take another activity's session for the SCO being left, even when the identifier matches", async () => {
    const zip = await scorm2004Zip({ sequential: false });
    const first = await createScormActivity(t, trainer, lc);
    await uploadScormPackage(t, trainer, first.activityId, zip);
    const course = await call(t, trainer, 'get', `/api/studio/courses/${first.courseId}`);
    const added = await call(
      t,
      trainer,
      'post',
      `/api/studio/courses/${first.courseId}/modules/${first.moduleId}/activities`,
    ).send({ revision: course.body.revision, kind: 'scorm', title: 'Second package' });
    expect(added.status).toBe(201);
    const second = { ...first, activityId: added.body.id as string };
    await uploadScormPackage(t, trainer, second.activityId, zip);
    await publish(t, trainer, first.courseId);
    const learner = await enrolledScormLearner(t, lc, first.slug);

    const elsewhere = await launch(learner, { ...first, packageId: '' }, { request: 'start' });
    expect(elsewhere.scoId).toBe('one');
    await commit(learner, elsewhere, { completion_status: 'completed', exit: 'normal' }, 1, {
      final: true,
      beacon: true,
    });
    // Continuing "from" the first activity's SCO one must not deliver the second activity's two.
    const here = await launch(
      learner,
      { ...second, packageId: '' },
      { request: 'continue', fromSessionId: elsewhere.sessionId },
    );
    expect(here.scoId).toBe('one');
  });
});

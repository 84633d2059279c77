import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CertificateStatusSummaries } from '../src/certificates/issuing/certificate-status-summaries.service.js';
import { ProgressSummaries } from '../src/learning/progress-summaries.service.js';
import { QuizResultSummaries } from '../src/quizzes/attempts/quiz-result-summaries.service.js';
import { ScormStatusSummaries } from '../src/scorm/runtime/scorm-status-summaries.service.js';
import { setCertificateSettings } from './certificate-fixtures.js';
import { publishedCourse } from './course-fixtures.js';
import { enrolledLearner, keyOfSlot, quizCourse, RIGHT, WRONG, type QuizCourse } from './quiz-fixtures.js';
import { scormCourse, type ScormCourse } from './scorm-fixtures.js';
import { call, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

/**
 * The query services dashboards read many learners through (one query each): what each answers
 * for learners at different stages, and nothing for learners or courses not asked about.
 */
describe('progress summaries of learners × courses (learning, quizzes, SCORM, certificates)', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  let lessons: Awaited<ReturnType<typeof publishedCourse>>;
  let quiz: QuizCourse;
  let scorm: ScormCourse;

  const progress = (learner: TestSession, slug: string, activityId: string, completed: boolean) =>
    call(t, learner, 'put', `/api/me/learning/${slug}/activities/${activityId}/progress`).send({
      at: new Date().toISOString(),
      completed,
    });

  const takeQuiz = async (learner: TestSession, pick: Record<string, unknown>) => {
    const started = await call(
      t,
      learner,
      'post',
      `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}/attempts`,
    );
    expect(started.status).toBe(201);
    for (const slot of started.body.slots as { slot: number; question: { prompt: unknown } }[]) {
      const answered = await call(
        t,
        learner,
        'put',
        `/api/me/quiz-attempts/${started.body.id}/slots/${slot.slot}`,
      ).send({
        response: pick[keyOfSlot(slot)],
        at: new Date().toISOString(),
      });
      expect(answered.status).toBe(200);
    }
    expect((await call(t, learner, 'post', `/api/me/quiz-attempts/${started.body.id}/submit`)).status).toBe(
      200,
    );
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
    lessons = await publishedCourse(t, trainer, lc, { modules: 2, lessons: 1 });
    quiz = await quizCourse(t, trainer, lc, { fixed: ['single'] });
    scorm = await scormCourse(t, trainer, lc);
  });
  afterAll(() => t.close());

  it('learning: percent over required activities, completed modules, last activity; one entry per enrolment', async () => {
    const halfway = await enrolledLearner(t, lc, lessons.slug);
    const idle = await enrolledLearner(t, lc, lessons.slug);
    const done = await enrolledLearner(t, lc, lessons.slug);
    const stranger = await enrolledLearner(t, lc, lessons.slug);
    expect((await progress(halfway, lessons.slug, lessons.activityIds[0]!, true)).status).toBe(200);
    expect((await progress(halfway, lessons.slug, lessons.activityIds[1]!, false)).status).toBe(200);
    for (const id of lessons.activityIds)
      expect((await progress(done, lessons.slug, id, true)).status).toBe(200);

    const rows = await t.app
      .get(ProgressSummaries)
      .forLearners([halfway.userId, idle.userId, done.userId], [lessons.id, quiz.courseId]);
    const of = (learner: TestSession) => rows.find((row) => row.userId === learner.userId);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.userId)).not.toContain(stranger.userId);
    const [module1, module2] = lessons.modules.map((m) => m.moduleId);
    expect(of(halfway)).toMatchObject({
      courseId: lessons.id,
      courseTitle: 'Test course',
      started: true,
      progressPercent: 50,
      completedAt: null,
      completedModuleIds: [module1],
      moduleIds: [module1, module2],
      activityIdsByKind: { lesson: lessons.activityIds },
    });
    expect(of(halfway)!.lastActivityAt).toBeInstanceOf(Date);
    expect(of(idle)).toMatchObject({
      started: false,
      progressPercent: 0,
      lastActivityAt: null,
      completedModuleIds: [],
    });
    expect(of(done)).toMatchObject({ progressPercent: 100, completedModuleIds: [module1, module2] });
    expect(of(done)!.completedAt).toBeInstanceOf(Date);
    expect(await t.app.get(ProgressSummaries).forLearners([], [lessons.id])).toEqual([]);
  });

  it('quizzes: best score and passed per learner × course, over submitted attempts only', async () => {
    const passer = await enrolledLearner(t, lc, quiz.slug);
    const failer = await enrolledLearner(t, lc, quiz.slug);
    const opener = await enrolledLearner(t, lc, quiz.slug);
    await takeQuiz(failer, WRONG);
    await takeQuiz(passer, WRONG);
    await takeQuiz(passer, RIGHT);
    expect(
      (await call(t, opener, 'post', `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}/attempts`)).status,
    ).toBe(201);

    const rows = await t.app
      .get(QuizResultSummaries)
      .forLearners([passer.userId, failer.userId, opener.userId], [quiz.courseId, lessons.id]);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.userId === passer.userId)).toEqual({
      userId: passer.userId,
      courseId: quiz.courseId,
      attemptedQuizIds: [quiz.quizId],
      passedQuizIds: [quiz.quizId],
      bestScorePercent: 100,
    });
    expect(rows.find((row) => row.userId === failer.userId)).toMatchObject({
      attemptedQuizIds: [quiz.quizId],
      passedQuizIds: [],
      bestScorePercent: 0,
    });
  });

  it('SCORM: the worst latest-attempt standing of the SCOs; never launched has no entry', async () => {
    const launched = await enrolledLearner(t, lc, scorm.slug);
    const passed = await enrolledLearner(t, lc, scorm.slug);
    const never = await enrolledLearner(t, lc, scorm.slug);
    for (const learner of [launched, passed]) {
      const res = await call(
        t,
        learner,
        'post',
        `/api/me/learning/${scorm.slug}/scorm/${scorm.activityId}/navigation`,
      ).send({ request: 'start' });
      expect(res.status).toBe(200);
    }
    await db.query(
      `UPDATE scorm_attempt a SET completion_status = 'completed', success_status = 'passed'
         FROM enrolment e WHERE e.id = a.enrolment_id AND e.user_id = $1`,
      [passed.userId],
    );
    const summaries = t.app.get(ScormStatusSummaries);
    const rows = await summaries.forLearners(
      [launched.userId, passed.userId, never.userId],
      [scorm.courseId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.userId === launched.userId)?.status).toBe('incomplete');
    expect(rows.find((row) => row.userId === passed.userId)?.status).toBe('passed');

    await db.query(
      `UPDATE scorm_attempt a SET success_status = 'failed'
         FROM enrolment e WHERE e.id = a.enrolment_id AND e.user_id = $1`,
      [passed.userId],
    );
    const [failed] = await summaries.forLearners([passed.userId], [scorm.courseId]);
    expect(failed?.status).toBe('failed');
  });

  it('certificates: the current certificate per learner × course, and which courses give them', async () => {
    const certified = await enrolledLearner(t, lc, lessons.slug);
    const uncertified = await enrolledLearner(t, lc, lessons.slug);
    for (const id of lessons.activityIds) {
      expect((await progress(certified, lessons.slug, id, true)).status).toBe(200);
    }
    await setCertificateSettings(t, quiz.courseId, { enabled: false });
    const summaries = t.app.get(CertificateStatusSummaries);
    const first = await summaries.forLearners(
      [certified.userId, uncertified.userId],
      [lessons.id, quiz.courseId],
    );
    expect(first.offeredCourseIds).toEqual([lessons.id]);
    expect(first.certificates).toEqual([
      {
        userId: certified.userId,
        courseId: lessons.id,
        status: 'issued',
        code: expect.stringMatching(/^\w{4}-\w{4}-\w{4}-\w{4}$/),
      },
    ]);

    await db.query(
      `UPDATE certificate SET revoked_at = now(), revocation_reason = 'Test' WHERE user_id = $1 AND course_id = $2`,
      [certified.userId, lessons.id],
    );
    const revoked = await summaries.forLearners([certified.userId], [lessons.id]);
    expect(revoked.certificates[0]).toMatchObject({ status: 'revoked', code: first.certificates[0]!.code });
  });
});

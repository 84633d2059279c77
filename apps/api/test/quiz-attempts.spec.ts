import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AttemptSweeper } from '../src/quizzes/attempts/attempt-sweeper.service.js';
import { call, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';
import { enrolledLearner, expire, keyOfSlot, quizCourse, RIGHT, WRONG } from './quiz-fixtures.js';

interface Slot {
  slot: number;
  question: { type: string; prompt: unknown };
  response: unknown;
  locked: boolean;
  feedback: Record<string, unknown> | null;
}

describe('quiz attempts: start, answer, submit, limits and completion', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  const now = () => new Date().toISOString();

  const attemptsPath = (slug: string, quizId: string) =>
    `/api/me/learning/${slug}/quizzes/${quizId}/attempts`;
  const answerAll = async (
    learner: TestSession,
    attempt: { id: string; slots: Slot[] },
    answers: Record<string, unknown>,
  ) => {
    for (const slot of attempt.slots) {
      const res = await call(
        t,
        learner,
        'put',
        `/api/me/quiz-attempts/${attempt.id}/slots/${slot.slot}`,
      ).send({
        response: answers[keyOfSlot(slot)],
        at: now(),
      });
      expect(res.status).toBe(200);
    }
  };
  const attemptCount = async (quizId: string, userId: string) => {
    const [row] = (await db.query(
      `SELECT count(*)::int AS count FROM quiz_attempt WHERE activity_id = $1 AND user_id = $2`,
      [quizId, userId],
    )) as { count: number }[];
    return row!.count;
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  it('runs a quiz from start to a pass that completes the activity and the course', async () => {
    const quiz = await quizCourse(t, trainer, lc, {
      random: 2,
      poolSize: 3,
      settings: { attemptsAllowed: 3 },
    });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const overviewPath = `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}`;

    const before = await call(t, learner, 'get', overviewPath);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      questionCount: 9,
      availability: 'open',
      attemptsUsed: 0,
      attemptsAllowed: 3,
      canStart: true,
      cannotStart: null,
      openAttemptId: null,
      attempts: [],
    });

    // The learner cannot mark a quiz completed: only a passing attempt does.
    const claimed = await call(
      t,
      learner,
      'put',
      `/api/me/learning/${quiz.slug}/activities/${quiz.quizId}/progress`,
    ).send({
      completed: true,
      at: now(),
    });
    expect(claimed.status).toBe(422);
    expect(claimed.headers['content-type']).toContain('application/problem+json');
    expect(
      await db.query(`SELECT 1 FROM activity_progress WHERE activity_id = $1`, [quiz.quizId]),
    ).toHaveLength(0);

    const started = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ number: 1, status: 'open', deadline: null, result: null });
    expect(started.body.slots).toHaveLength(9);
    expect(started.body.slots.every((s: Slot) => s.feedback === null && s.response === null)).toBe(true);
    const again = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);

    await answerAll(learner, started.body, WRONG);
    const first = await call(t, learner, 'post', `/api/me/quiz-attempts/${started.body.id}/submit`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('submitted');
    expect(first.body.result).toMatchObject({ passed: false, pendingGrading: 0 });
    const review = await call(t, learner, 'get', `/api/me/quiz-attempts/${started.body.id}`);
    expect(review.body.slots.every((s: Slot) => s.feedback !== null && s.locked)).toBe(true);
    expect(review.body.slots[0].feedback.correctResponse).not.toBeNull();
    // A double click or a retry uses one attempt and answers the same result.
    const twice = await call(t, learner, 'post', `/api/me/quiz-attempts/${started.body.id}/submit`);
    expect(twice.body.result).toEqual(first.body.result);
    expect(twice.body.submittedAt).toBe(first.body.submittedAt);
    expect(await attemptCount(quiz.quizId, learner.userId)).toBe(1);

    const retry = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    expect(retry.status).toBe(201);
    expect(retry.body.number).toBe(2);
    await answerAll(learner, retry.body, RIGHT);
    const passed = await call(t, learner, 'post', `/api/me/quiz-attempts/${retry.body.id}/submit`);
    expect(passed.body.result).toMatchObject({ passed: true, score: 1, points: 9, maxPoints: 9 });
    const passedReview = await call(t, learner, 'get', `/api/me/quiz-attempts/${retry.body.id}`);
    expect(passedReview.body.slots.every((s: Slot) => s.feedback?.outcome === 'right')).toBe(true);

    const after = await call(t, learner, 'get', overviewPath);
    expect(after.body).toMatchObject({ attemptsUsed: 2, bestScore: 1, passed: true, canStart: true });
    const activity = await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/activities/${quiz.quizId}`);
    expect(activity.body.progress.status).toBe('completed');
    const course = await call(t, learner, 'get', `/api/me/learning/${quiz.slug}`);
    expect(course.body.completedAt).not.toBeNull();
    const [event] = (await db.query(
      `SELECT count(*)::int AS count FROM domain_event WHERE type = 'course.completed' AND subject_id = (
         SELECT id FROM enrolment WHERE user_id = $1)`,
      [learner.userId],
    )) as { count: number }[];
    expect(event!.count).toBe(1);
  });

  it('never starts more attempts than allowed, even when starts arrive together', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: ['single'], settings: { attemptsAllowed: 2 } });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const first = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    await call(t, learner, 'post', `/api/me/quiz-attempts/${first.body.id}/submit`);

    const together = await Promise.all(
      Array.from({ length: 5 }, () => call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId))),
    );
    expect(together.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(together.map((r) => r.body.id as string)).size).toBe(1);
    await call(t, learner, 'post', `/api/me/quiz-attempts/${together[0]!.body.id}/submit`);

    const more = await Promise.all(
      Array.from({ length: 5 }, () => call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId))),
    );
    expect(more.every((r) => r.status === 409)).toBe(true);
    expect(more[0]!.headers['content-type']).toContain('application/problem+json');
    expect(await attemptCount(quiz.quizId, learner.userId)).toBe(2);
    const overview = await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}`);
    expect(overview.body).toMatchObject({
      canStart: false,
      cannotStart: 'no-attempts-left',
      attemptsUsed: 2,
    });
  });

  it('refuses answers after the deadline and grace, and submits the attempt', async () => {
    const quiz = await quizCourse(t, trainer, lc, {
      fixed: ['single', 'trueFalse'],
      settings: { timeLimitMinutes: 5 },
    });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const started = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    expect(Date.parse(started.body.deadline) - Date.parse(started.body.startedAt)).toBe(5 * 60_000);
    const save = (slot: number, response: unknown) =>
      call(t, learner, 'put', `/api/me/quiz-attempts/${started.body.id}/slots/${slot}`).send({
        response,
        at: now(),
      });

    // Within the grace period answers still count.
    await expire(db, started.body.id, 5);
    const slotOf = (key: string) => started.body.slots.find((s: Slot) => keyOfSlot(s) === key).slot as number;
    expect((await save(slotOf('single'), RIGHT.single)).status).toBe(200);

    await expire(db, started.body.id, 31);
    const late = await save(slotOf('trueFalse'), RIGHT.trueFalse);
    expect(late.status).toBe(409);
    expect(late.headers['content-type']).toContain('application/problem+json');
    const [stored] = (await db.query(
      `SELECT a.status, a.auto_submitted AS "autoSubmitted", s.response FROM quiz_attempt a
         JOIN quiz_attempt_slot s ON s.attempt_id = a.id AND s.slot = $2 WHERE a.id = $1`,
      [started.body.id, slotOf('trueFalse')],
    )) as { status: string; autoSubmitted: boolean; response: unknown }[];
    expect(stored).toEqual({ status: 'submitted', autoSubmitted: true, response: null });
    const view = await call(t, learner, 'get', `/api/me/quiz-attempts/${started.body.id}`);
    expect(view.body).toMatchObject({
      status: 'submitted',
      autoSubmitted: true,
      result: { points: 1, maxPoints: 2 },
    });
  });

  it('has the sweeper submit attempts whose time is up, once', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: ['single'], settings: { timeLimitMinutes: 1 } });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const started = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    await call(t, learner, 'put', `/api/me/quiz-attempts/${started.body.id}/slots/1`).send({
      response: RIGHT.single,
      at: now(),
    });
    await expire(db, started.body.id, 120);
    const sweeper = t.app.get(AttemptSweeper);
    // Several sweeps at once (as several API processes) submit it once.
    await Promise.all([sweeper.sweep(), sweeper.sweep(), sweeper.sweep()]);
    const [row] = (await db.query(
      `SELECT status, auto_submitted AS "autoSubmitted", passed FROM quiz_attempt WHERE id = $1`,
      [started.body.id],
    )) as { status: string; autoSubmitted: boolean; passed: boolean }[];
    expect(row).toEqual({ status: 'submitted', autoSubmitted: true, passed: true });
    const activity = await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/activities/${quiz.quizId}`);
    expect(activity.body.progress.status).toBe('completed');
  });

  it('refuses bad answers with a problem and changes nothing', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: ['single', 'ordering'] });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const other = await enrolledLearner(t, lc, quiz.slug);
    const started = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    const id = started.body.id as string;
    const single = started.body.slots.find((s: Slot) => keyOfSlot(s) === 'single').slot as number;
    const ordering = started.body.slots.find((s: Slot) => keyOfSlot(s) === 'ordering').slot as number;
    const put = (who: TestSession, slot: number | string, body: object) =>
      call(t, who, 'put', `/api/me/quiz-attempts/${id}/slots/${slot}`).send(body);

    const problems = [
      [await put(learner, single, { response: { optionId: 'zz' }, at: now() }), 422],
      [await put(learner, single, { response: { optionIds: ['a'] }, at: now() }), 422],
      [await put(learner, ordering, { response: { order: ['o1'] }, at: now() }), 422],
      [await put(learner, single, { response: { optionId: 'a' } }), 400],
      [await put(learner, single, { response: { optionId: 'a' }, at: now(), extra: 1 }), 400],
      [await put(learner, 99, { response: { optionId: 'a' }, at: now() }), 404],
      [await put(learner, 'x', { response: { optionId: 'a' }, at: now() }), 400],
      [await put(other, single, { response: { optionId: 'a' }, at: now() }), 404],
      [await call(t, other, 'get', `/api/me/quiz-attempts/${id}`), 404],
      [await call(t, other, 'post', `/api/me/quiz-attempts/${id}/submit`), 404],
      [await call(t, learner, 'get', `/api/me/quiz-attempts/${randomUUID()}`), 404],
      [await call(t, learner, 'post', `/api/me/quiz-attempts/${id}/slots/${single}/check`), 409],
    ] as const;
    for (const [res, status] of problems) {
      expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
        status,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    expect(problems[0][0].body.errors[0].field).toBe('response');
    const slots = (await db.query(`SELECT response FROM quiz_attempt_slot WHERE attempt_id = $1`, [id])) as {
      response: unknown;
    }[];
    expect(slots.every((s) => s.response === null)).toBe(true);
    expect((await db.query(`SELECT status FROM quiz_attempt WHERE id = $1`, [id]))[0].status).toBe('open');

    // A retried older save does not overwrite a newer answer.
    const newer = new Date().toISOString();
    await put(learner, single, { response: { optionId: 'b' }, at: newer });
    const older = await put(learner, single, {
      response: { optionId: 'a' },
      at: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(older.status).toBe(200);
    const [kept] = (await db.query(
      `SELECT response FROM quiz_attempt_slot WHERE attempt_id = $1 AND slot = $2`,
      [id, single],
    )) as { response: unknown }[];
    expect(kept!.response).toEqual({ optionId: 'b' });

    await call(t, learner, 'post', `/api/me/quiz-attempts/${id}/submit`);
    const closed = await put(learner, single, { response: { optionId: 'c' }, at: now() });
    expect(closed.status).toBe(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
  });

  it('gives immediate feedback on a checked answer only, and locks it', async () => {
    const quiz = await quizCourse(t, trainer, lc, {
      fixed: ['single', 'numeric'],
      settings: { feedback: 'immediate', showCorrectAnswers: false },
    });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const started = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    const single = started.body.slots.find((s: Slot) => keyOfSlot(s) === 'single').slot as number;
    const path = `/api/me/quiz-attempts/${started.body.id}/slots/${single}`;
    await call(t, learner, 'put', path).send({ response: RIGHT.single, at: now() });
    const checked = await call(t, learner, 'post', `${path}/check`);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      status: 'graded',
      outcome: 'right',
      points: 1,
      correctResponse: null,
    });
    expect((await call(t, learner, 'post', `${path}/check`)).body).toEqual(checked.body);
    const locked = await call(t, learner, 'put', path).send({ response: WRONG.single, at: now() });
    expect(locked.status).toBe(409);
    const view = await call(t, learner, 'get', `/api/me/quiz-attempts/${started.body.id}`);
    const shown = view.body.slots.map((s: Slot) => [s.slot === single, s.feedback !== null, s.locked]);
    expect(
      shown.every(
        ([isChecked, hasFeedback, isLocked]: boolean[]) =>
          isChecked === hasFeedback && isChecked === isLocked,
      ),
    ).toBe(true);
  });

  it('refuses to start outside the availability window', async () => {
    const from = new Date(Date.now() + 86_400_000).toISOString();
    const quiz = await quizCourse(t, trainer, lc, { fixed: ['single'], settings: { availableFrom: from } });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const overview = await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}`);
    expect(overview.body).toMatchObject({ availability: 'not-yet', canStart: false, cannotStart: 'not-yet' });
    const refused = await call(t, learner, 'post', attemptsPath(quiz.slug, quiz.quizId));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      availability: 'not-yet',
      availableFrom: from,
      availableUntil: null,
    });
    expect(await attemptCount(quiz.quizId, learner.userId)).toBe(0);
  });

  it('gives learners of another course, or no course, a 404', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: ['single'] });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const stranger = await enrolledLearner(
      t,
      lc,
      (await quizCourse(t, trainer, lc, { fixed: ['single'] })).slug,
    );
    expect(
      (await call(t, stranger, 'get', `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}`)).status,
    ).toBe(404);
    expect((await call(t, stranger, 'post', attemptsPath(quiz.slug, quiz.quizId))).status).toBe(404);
    expect(
      (await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/quizzes/${randomUUID()}`)).status,
    ).toBe(404);
  });
});

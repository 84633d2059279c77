import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { AttemptSweeper } from '../src/quizzes/attempts/attempt-sweeper.service.js';
import { call, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';
import { enrolledLearner, expire, keyOfSlot, quizCourse, RIGHT, WRONG } from './quiz-fixtures.js';

const KEYS = ['single', 'trueFalse', 'short', 'numeric'];

interface Attempt {
  id: string;
  slots: { slot: number; question: { prompt: unknown } }[];
}

/*
 * Submissions that arrive together are graded in one batch (one transaction for many attempts);
 * each learner must still get exactly their own result, once.
 */
describe('quiz submissions that arrive together', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  const now = () => new Date().toISOString();

  /** Starts an attempt and answers the first `right` of KEYS right, the others wrong. */
  const takeQuiz = async (learner: TestSession, quiz: { slug: string; quizId: string }, right: number) => {
    const started = await call(
      t,
      learner,
      'post',
      `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}/attempts`,
    );
    expect(started.status).toBe(201);
    const attempt = started.body as Attempt;
    for (const slot of attempt.slots) {
      const key = keyOfSlot(slot);
      const answers = KEYS.indexOf(key) < right ? RIGHT : WRONG;
      const saved = await call(
        t,
        learner,
        'put',
        `/api/me/quiz-attempts/${attempt.id}/slots/${slot.slot}`,
      ).send({
        response: answers[key],
        at: now(),
      });
      expect(saved.status).toBe(200);
    }
    return attempt;
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  it('grades 30 learners submitting at once each by their own answers, and a double submit once', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: KEYS, settings: { passingScore: 70 } });
    const learners = await Promise.all(Array.from({ length: 30 }, () => enrolledLearner(t, lc, quiz.slug)));
    // Learner i gets i % 5 of the 4 questions right; 3 and 4 right pass (70 %).
    const rightOf = (i: number) => i % 5;
    const attempts = await Promise.all(learners.map((learner, i) => takeQuiz(learner, quiz, rightOf(i))));

    // Everyone at once; the first two learners click twice.
    const submit = (i: number) =>
      call(t, learners[i]!, 'post', `/api/me/quiz-attempts/${attempts[i]!.id}/submit`);
    const [answers, doubles] = await Promise.all([
      Promise.all(learners.map((_, i) => submit(i))),
      Promise.all([submit(0), submit(1)]),
    ]);

    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: attempts[i]!.id,
        status: 'submitted',
        autoSubmitted: false,
        result: { points: rightOf(i), maxPoints: 4, score: rightOf(i) / 4, passed: rightOf(i) >= 3 },
      });
    });
    doubles.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.body.result).toEqual(answers[i]!.body.result);
      expect(res.body.submittedAt).toBe(answers[i]!.body.submittedAt);
    });

    // What the submit answered is what reading the attempt answers now.
    for (const i of [0, 3, 4, 17]) {
      const read = await call(t, learners[i]!, 'get', `/api/me/quiz-attempts/${attempts[i]!.id}`);
      const { id, number, status, startedAt, deadline, submittedAt, autoSubmitted, result } = read.body;
      expect(answers[i]!.body).toEqual({
        id,
        number,
        status,
        startedAt,
        deadline,
        submittedAt,
        autoSubmitted,
        result,
      });
    }

    // Each slot stores the mark of its answer, and the attempt their sum.
    const stored = (await db.query(
      `SELECT user_id AS "userId", status, count(*) OVER (PARTITION BY user_id)::int AS attempts,
              points::float8 AS points,
              (SELECT sum(s.points)::float8 FROM quiz_attempt_slot s
                WHERE s.attempt_id = a.id AND s.grading = 'graded') AS "slotPoints"
         FROM quiz_attempt a WHERE activity_id = $1`,
      [quiz.quizId],
    )) as { userId: string; status: string; attempts: number; points: number; slotPoints: number }[];
    expect(stored).toHaveLength(30);
    const expected = new Map(learners.map((learner, i) => [learner.userId, rightOf(i)]));
    for (const row of stored) {
      expect(row).toMatchObject({ status: 'submitted', attempts: 1, slotPoints: expected.get(row.userId) });
      expect(row.points).toBe(row.slotPoints);
    }

    // The quiz is the course's only activity: each passing learner completed it, and the course, once.
    const passing = learners.filter((_, i) => rightOf(i) >= 3).map((learner) => learner.userId);
    const completed = (await db.query(
      `SELECT e.user_id AS "userId" FROM activity_progress p JOIN enrolment e ON e.id = p.enrolment_id
        WHERE p.activity_id = $1 AND p.status = 'completed'`,
      [quiz.quizId],
    )) as { userId: string }[];
    expect(completed.map((row) => row.userId).sort()).toEqual([...passing].sort());
    const events = (await db.query(
      `SELECT payload ->> 'userId' AS "userId" FROM domain_event
        WHERE type = 'course.completed' AND payload ->> 'courseId' = $1`,
      [quiz.courseId],
    )) as { userId: string }[];
    expect(events.map((row) => row.userId).sort()).toEqual([...passing].sort());
  });

  it('refuses an answer that waited on the submission of its attempt, and keeps the submitted one', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: KEYS });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const attempt = await takeQuiz(learner, quiz, 4);
    const slot = attempt.slots.find((s) => keyOfSlot(s) === 'single')!;

    // A submission holds the attempt; the answer arrives meanwhile and has to wait for it.
    const submission = db.createQueryRunner();
    await submission.connect();
    await submission.startTransaction();
    await submission.query(`SELECT 1 FROM quiz_attempt WHERE id = $1 FOR UPDATE`, [attempt.id]);
    const late = call(t, learner, 'put', `/api/me/quiz-attempts/${attempt.id}/slots/${slot.slot}`)
      .send({ response: WRONG.single, at: now() })
      .then((res) => res);
    for (let waiting = 0; waiting === 0;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const [row] = (await db.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE '%SET response = x.response%'`,
      )) as { waiting: number }[];
      waiting = row!.waiting;
    }
    await submission.query(
      `UPDATE quiz_attempt SET status = 'submitted', submitted_at = now() WHERE id = $1`,
      [attempt.id],
    );
    await submission.commitTransaction();
    await submission.release();

    const res = await late;
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, attemptStatus: 'submitted' });
    const [stored] = (await db.query(
      `SELECT response FROM quiz_attempt_slot WHERE attempt_id = $1 AND slot = $2`,
      [attempt.id, slot.slot],
    )) as { response: unknown }[];
    expect(stored!.response).toEqual(RIGHT.single);
  });

  it('totals the marks stored as answers were saved, and grades a slot saved before marks were', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: KEYS });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const attempt = await takeQuiz(learner, quiz, 4);
    // As an answer saved by the version before marks were stored with it.
    await db.query(
      `UPDATE quiz_attempt_slot SET grading = 'pending', fraction = NULL, points = NULL
        WHERE attempt_id = $1 AND slot = 1`,
      [attempt.id],
    );
    const res = await call(t, learner, 'post', `/api/me/quiz-attempts/${attempt.id}/submit`);
    expect(res.body.result).toMatchObject({ points: 4, maxPoints: 4, pendingGrading: 0 });
    const [slot] = (await db.query(
      `SELECT grading, fraction::float8 AS fraction, points::float8 AS points FROM quiz_attempt_slot
        WHERE attempt_id = $1 AND slot = 1`,
      [attempt.id],
    )) as { grading: string; fraction: number; points: number }[];
    expect(slot).toEqual({ grading: 'graded', fraction: 1, points: 1 });
  });

  it('has the sweeper submit several overdue attempts in one round, graded as a submit would', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: KEYS, settings: { timeLimitMinutes: 5 } });
    const learners = await Promise.all(Array.from({ length: 3 }, () => enrolledLearner(t, lc, quiz.slug)));
    const attempts = await Promise.all(learners.map((learner, i) => takeQuiz(learner, quiz, i + 2)));
    for (const attempt of attempts) await expire(db, attempt.id, 120);

    expect(await t.app.get(AttemptSweeper).sweep()).toBe(3);
    for (const [i, attempt] of attempts.entries()) {
      const read = await call(t, learners[i]!, 'get', `/api/me/quiz-attempts/${attempt.id}`);
      expect(read.body).toMatchObject({
        status: 'submitted',
        autoSubmitted: true,
        result: { points: i + 2, maxPoints: 4, passed: i + 2 >= 3 },
      });
    }
    expect(await t.app.get(AttemptSweeper).sweep()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createInstitutionWithAdmin } from './admin-fixtures.js';
import { createQuestion, enrolledLearner, keyOfSlot, quizCourse, RIGHT, WRONG } from './quiz-fixtures.js';
import { call, signIn, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';

interface Slot {
  slot: number;
  question: { type: string; prompt: unknown };
}
interface Attempt {
  id: string;
  slots: Slot[];
}

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('quiz results: attempts, review, hand grading, regrade, item analysis, CSV', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;
  const now = () => new Date().toISOString();

  const start = async (learner: TestSession, slug: string, quizId: string): Promise<Attempt> => {
    const res = await call(t, learner, 'post', `/api/me/learning/${slug}/quizzes/${quizId}/attempts`);
    expect(res.status).toBe(201);
    return res.body as Attempt;
  };
  const answer = async (learner: TestSession, attempt: Attempt, pick: (key: string) => unknown) => {
    for (const slot of attempt.slots) {
      const res = await call(
        t,
        learner,
        'put',
        `/api/me/quiz-attempts/${attempt.id}/slots/${slot.slot}`,
      ).send({
        response: pick(slot.question.type === 'essay' ? 'essay' : keyOfSlot(slot)),
        at: now(),
      });
      expect(res.status).toBe(200);
    }
  };
  const submit = async (learner: TestSession, attempt: Attempt) => {
    const res = await call(t, learner, 'post', `/api/me/quiz-attempts/${attempt.id}/submit`);
    expect(res.status).toBe(200);
    return res.body as { result: { score: number | null; passed: boolean | null; pendingGrading: number } };
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  it('lists attempts per learner, analyses the questions, exports CSV and regrades a fixed question', async () => {
    const quiz = await quizCourse(t, trainer, lc, {
      fixed: ['single', 'trueFalse', 'short'],
      settings: { passingScore: 60 },
      tag: 'R',
    });
    // Three learners: all right, all wrong, and right on true/false only.
    const plans: ((key: string) => unknown)[] = [
      (key) => RIGHT[key],
      (key) => WRONG[key],
      (key) => (key === 'trueFalse' ? RIGHT[key] : WRONG[key]),
    ];
    const learners: TestSession[] = [];
    for (const plan of plans) {
      const learner = await enrolledLearner(t, lc, quiz.slug);
      const attempt = await start(learner, quiz.slug, quiz.quizId);
      await answer(learner, attempt, plan);
      await submit(learner, attempt);
      learners.push(learner);
    }
    // Someone still in the middle of an attempt is listed too, and not analysed.
    const busy = await enrolledLearner(t, lc, quiz.slug);
    await start(busy, quiz.slug, quiz.quizId);

    const list = await call(t, trainer, 'get', `/api/studio/quizzes/${quiz.quizId}/attempts`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(4);
    const rowOf = (learner: TestSession) =>
      list.body.items.find((row: { userId: string }) => row.userId === learner.userId);
    expect(rowOf(learners[0]!)).toMatchObject({ number: 1, status: 'submitted', score: 1, passed: true });
    expect(rowOf(learners[1]!)).toMatchObject({ score: 0, passed: false, points: 0, maxPoints: 3 });
    expect(rowOf(busy)).toMatchObject({ status: 'open', submittedAt: null, score: null });

    const analysis = await call(t, trainer, 'get', `/api/studio/quizzes/${quiz.quizId}/analysis`);
    expect(analysis.status).toBe(200);
    expect(analysis.body.attempts).toBe(3);
    const byId = (id: string) =>
      analysis.body.questions.find((q: { questionId: string }) => q.questionId === id);
    const single = byId(quiz.questions.single!);
    expect(single).toMatchObject({ type: 'single-choice', attempts: 3, maxPoints: 1 });
    expect(single.facility).toBeCloseTo(1 / 3, 3);
    expect(single.choices).toEqual([
      { id: 'a', label: 'Alpha', correct: false, count: 2, share: 0.667 },
      { id: 'b', label: 'Beta', correct: true, count: 1, share: 0.333 },
      { id: 'c', label: 'Gamma', correct: false, count: 0, share: 0 },
    ]);
    // Whoever got it right also did best on the rest: a positive discrimination.
    expect(single.discrimination).toBeGreaterThan(0.5);
    const trueFalse = byId(quiz.questions.trueFalse!);
    expect(trueFalse.facility).toBeCloseTo(2 / 3, 3);
    expect(trueFalse.choices.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([
      ['true', 1],
      ['false', 2],
    ]);
    const short = byId(quiz.questions.short!);
    expect(short.textAnswers).toEqual([
      { text: 'nope', count: 2 },
      { text: 'secretshortanswer', count: 1 },
    ]);

    const csv = await call(t, trainer, 'get', `/api/studio/quizzes/${quiz.quizId}/results.csv?language=fr`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="[\w-]+-results\.csv"$/);
    const lines = csv.text.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Apprenant,Courriel,Tentative,État,/);
    expect(lines[0]).toMatch(/,Q1 points,Q2 points,Q3 points$/);

    // The trainer fixes the single-choice question: "Alpha" was right after all.
    const detail = await call(t, trainer, 'get', `/api/studio/questions/${quiz.questions.single}`);
    const fixed = await call(t, trainer, 'put', `/api/studio/questions/${quiz.questions.single}`).send({
      version: detail.body.version,
      category: detail.body.category,
      tags: detail.body.tags,
      question: { ...detail.body.question, correctOptionId: 'a' },
    });
    expect(fixed.status).toBe(200);
    const regraded = await call(t, trainer, 'post', `/api/studio/quizzes/${quiz.quizId}/regrade`).send({
      questionId: quiz.questions.single,
    });
    expect(regraded.status).toBe(200);
    expect(regraded.body).toEqual({ attempts: 3, changed: 3, version: 2 });
    const after = await call(t, trainer, 'get', `/api/studio/quizzes/${quiz.quizId}/attempts`);
    const afterOf = (learner: TestSession) =>
      after.body.items.find((row: { userId: string }) => row.userId === learner.userId);
    expect(afterOf(learners[0]!)).toMatchObject({ points: 2 });
    // True/false right and now the single choice too: 2 of 3 passes at 60%.
    expect(afterOf(learners[2]!)).toMatchObject({ points: 2, passed: true });
    const progress = await call(
      t,
      learners[2]!,
      'get',
      `/api/me/learning/${quiz.slug}/activities/${quiz.quizId}`,
    );
    expect(progress.body.progress.status).toBe('completed');
    const audit = (await db.query(
      `SELECT details FROM audit_event WHERE action = 'quiz.regraded' AND target_id = $1`,
      [quiz.quizId],
    )) as { details: { changed: number } }[];
    expect(audit.map((row) => row.details.changed)).toEqual([3]);
    // The learner's own result is graded on the fixed version now.
    const mine = await call(t, learners[1]!, 'get', `/api/me/quiz-attempts/${rowOf(learners[1]!).id}`);
    expect(mine.body.result.points).toBe(1);
  });

  it('lets a trainer mark an essay: the attempt is scored, passes, completes the activity and the learner is told', async () => {
    const quiz = await quizCourse(t, trainer, lc, {
      fixed: ['single'],
      settings: { passingScore: 75 },
      tag: 'E',
    });
    // The quiz is published already; an essay goes into a second version.
    const essay = await createQuestion(t, trainer, quiz.courseId, 'fixed', {
      type: 'essay',
      prompt: doc('Describe a service you would redesign.'),
      generalFeedback: null,
      points: 3,
      graded: true,
    });
    const draft = await call(t, trainer, 'get', `/api/studio/quizzes/${quiz.quizId}`);
    const saved = await call(t, trainer, 'put', `/api/studio/quizzes/${quiz.quizId}`).send({
      revision: draft.body.revision,
      settings: draft.body.settings,
      slots: [
        ...draft.body.slots.map((s: { kind: string; questionId: string }) => ({
          kind: s.kind,
          questionId: s.questionId,
        })),
        { kind: 'question', questionId: essay },
      ],
    });
    expect(saved.status).toBe(200);
    const course = await call(t, trainer, 'get', `/api/studio/courses/${quiz.courseId}`);
    const published = await call(t, trainer, 'post', `/api/studio/courses/${quiz.courseId}/publish`).send({
      revision: course.body.revision,
      changeLog: 'An essay question.',
    });
    expect(published.status).toBe(200);

    const learner = await enrolledLearner(t, lc, quiz.slug);
    const attempt = await start(learner, quiz.slug, quiz.quizId);
    const essaySlot = attempt.slots.find((s) => s.question.type === 'essay')!.slot;
    await answer(learner, attempt, (key) =>
      key === 'essay' ? { text: 'The birth certificate, end to end.' } : RIGHT[key],
    );
    const submitted = await submit(learner, attempt);
    expect(submitted.result).toMatchObject({ score: null, passed: null, pendingGrading: 1 });

    const review = await call(t, trainer, 'get', `/api/studio/quiz-attempts/${attempt.id}`);
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ quizTitle: 'Final quiz', pendingGrading: 1, score: null });
    const reviewed = review.body.slots.find((s: { slot: number }) => s.slot === essaySlot);
    expect(reviewed).toMatchObject({ grading: 'needs-grading', maxPoints: 3, points: null });
    expect(reviewed.response).toEqual({ text: 'The birth certificate, end to end.' });
    const other = review.body.slots.find((s: { slot: number }) => s.slot !== essaySlot);
    expect(other.question.correctOptionId).toBe('b');

    const gradePath = `/api/studio/quiz-attempts/${attempt.id}/slots/${essaySlot}/grade`;
    const tooMany = await call(t, trainer, 'put', gradePath).send({ points: 4 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].field).toBe('points');
    const noSlot = await call(
      t,
      trainer,
      'put',
      `/api/studio/quiz-attempts/${attempt.id}/slots/99/grade`,
    ).send({
      points: 1,
    });
    expect(noSlot.status).toBe(404);
    const unchanged = (await db.query(
      `SELECT grading FROM quiz_attempt_slot WHERE attempt_id = $1 AND slot = $2`,
      [attempt.id, essaySlot],
    )) as { grading: string }[];
    expect(unchanged[0]!.grading).toBe('needs-grading');

    const graded = await call(t, trainer, 'put', gradePath).send({
      points: 2.5,
      comment: 'Clear and concrete.',
    });
    expect(graded.status).toBe(200);
    expect(graded.body).toMatchObject({
      pendingGrading: 0,
      points: 3.5,
      maxPoints: 4,
      score: 0.875,
      passed: true,
    });
    const marked = graded.body.slots.find((s: { slot: number }) => s.slot === essaySlot);
    expect(marked).toMatchObject({ grading: 'graded', points: 2.5, comment: 'Clear and concrete.' });
    expect(marked.gradedBy).toBeTruthy();

    const mine = await call(t, learner, 'get', `/api/me/quiz-attempts/${attempt.id}`);
    expect(mine.body.result).toMatchObject({ score: 0.875, passed: true });
    const activity = await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/activities/${quiz.quizId}`);
    expect(activity.body.progress.status).toBe('completed');
    const mail = (await db.query(
      `SELECT subject, text_body AS "text" FROM mail_message WHERE template = 'quizGraded' AND recipient = $1`,
      [learner.email],
    )) as { subject: string; text: string }[];
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Final quiz');
    expect(mail[0]!.text).toContain('2.5 of 3 points');
    expect(mail[0]!.text).toContain('Clear and concrete.');
    expect(mail[0]!.text).toContain(`/attempts/${attempt.id}`);
  });

  it('keeps results to the authors of the course', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: ['single'], tag: 'A' });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const attempt = await start(learner, quiz.slug, quiz.quizId);
    await submit(learner, attempt);
    const other = await createInstitutionWithAdmin(t, 'results-elsewhere');
    const outsider = await signIn(t, other.admin.email, other.admin.password);
    const routes: [string, string, object?][] = [
      ['get', `/api/studio/quizzes/${quiz.quizId}/attempts`],
      ['get', `/api/studio/quizzes/${quiz.quizId}/analysis`],
      ['get', `/api/studio/quizzes/${quiz.quizId}/results.csv`],
      ['get', `/api/studio/quiz-attempts/${attempt.id}`],
      ['put', `/api/studio/quiz-attempts/${attempt.id}/slots/1/grade`, { points: 1 }],
      ['post', `/api/studio/quizzes/${quiz.quizId}/regrade`, { questionId: quiz.questions.single }],
    ];
    for (const [method, path, body] of routes) {
      const asLearner = await call(t, learner, method as 'get', path).send(body);
      expect([method, path, asLearner.status]).toEqual([method, path, 403]);
      const asOutsider = await call(t, outsider, method as 'get', path).send(body);
      expect([method, path, asOutsider.status]).toEqual([method, path, 404]);
    }
    const grades = (await db.query(
      `SELECT count(*)::int AS n FROM quiz_attempt_slot WHERE attempt_id = $1 AND graded_by IS NOT NULL`,
      [attempt.id],
    )) as { n: number }[];
    expect(grades[0]!.n).toBe(0);
  });
});

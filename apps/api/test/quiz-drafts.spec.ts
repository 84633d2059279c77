import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addModule, createCourse } from './course-fixtures.js';
import { call, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';
import { createQuestion, enrolledLearner, questionBodies, quizCourse } from './quiz-fixtures.js';

describe('quiz drafts: settings and slots, publishing and duplicating', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let trainer: TestSession;

  /** A draft course with one module holding one quiz. */
  const draftQuiz = async () => {
    const course = await createCourse(t, trainer, lc, { summary: 'Drafts.' });
    const module = await call(t, trainer, 'post', `/api/studio/courses/${course.id}/modules`).send({
      revision: course.revision,
      title: 'Module',
    });
    const added = await call(
      t,
      trainer,
      'post',
      `/api/studio/courses/${course.id}/modules/${module.body.id}/activities`,
    ).send({
      revision: module.body.course.revision,
      kind: 'quiz',
      title: 'Quiz',
    });
    expect(added.status).toBe(201);
    return { courseId: course.id, quizId: added.body.id as string };
  };
  const publishProblems = async (courseId: string) => {
    const current = await call(t, trainer, 'get', `/api/studio/courses/${courseId}`);
    const res = await call(t, trainer, 'post', `/api/studio/courses/${courseId}/publish`).send({
      revision: current.body.revision,
      changeLog: 'x',
    });
    return {
      status: res.status,
      problems: ((res.body.problems ?? []) as { message: string }[]).map((p) => p.message),
    };
  };

  beforeAll(async () => {
    ({ t, db, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  it('starts a quiz with sensible settings and no slots, which cannot be published', async () => {
    const { courseId, quizId } = await draftQuiz();
    const draft = await call(t, trainer, 'get', `/api/studio/quizzes/${quizId}`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      title: 'Quiz',
      courseId,
      revision: 1,
      slots: [],
      questionCount: 0,
      settings: {
        attemptsAllowed: null,
        timeLimitMinutes: null,
        passingScore: 70,
        shuffleOptions: true,
        shuffleQuestions: false,
        layout: 'one-per-page',
        feedback: 'after-submit',
        showCorrectAnswers: true,
        grade: 'highest',
        completion: 'pass',
      },
    });
    const { status, problems } = await publishProblems(courseId);
    expect(status).toBe(422);
    expect(problems.join(' ')).toContain('the quiz has no questions');
  });

  it('saves valid slots and refuses bad ones with paths, stale revisions with the current quiz', async () => {
    const { courseId, quizId } = await draftQuiz();
    const other = await draftQuiz();
    const mine = await createQuestion(t, trainer, courseId, 'basics', questionBodies('D').single!);
    const archived = await createQuestion(t, trainer, courseId, 'basics', questionBodies('D').trueFalse!);
    const foreign = await createQuestion(t, trainer, other.courseId, 'basics', questionBodies('D').short!);
    expect((await call(t, trainer, 'delete', `/api/studio/questions/${archived}`)).status).toBe(204);
    const draft = (await call(t, trainer, 'get', `/api/studio/quizzes/${quizId}`)).body;
    const put = (body: object) => call(t, trainer, 'put', `/api/studio/quizzes/${quizId}`).send(body);

    const bad = await put({
      revision: draft.revision,
      settings: { ...draft.settings, passingScore: 120, layout: 'sideways', extra: true },
      slots: [
        { kind: 'question', questionId: 'nope' },
        { kind: 'random', category: 'basics', count: 0 },
        { kind: 'other' },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'settings.extra',
      'settings.layout',
      'settings.passingScore',
      'slots[0].questionId',
      'slots[1].count',
      'slots[2].kind',
    ]);

    const notInBank = await put({
      revision: draft.revision,
      settings: draft.settings,
      slots: [
        { kind: 'question', questionId: foreign },
        { kind: 'question', questionId: archived },
        { kind: 'question', questionId: randomUUID() },
        { kind: 'random', category: 'no-such-category', count: 1 },
      ],
    });
    expect(notInBank.status).toBe(422);
    expect(notInBank.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'slots[0].questionId',
      'slots[1].questionId',
      'slots[2].questionId',
      'slots[3].category',
    ]);
    expect((await call(t, trainer, 'get', `/api/studio/quizzes/${quizId}`)).body.revision).toBe(
      draft.revision,
    );

    const saved = await put({
      revision: draft.revision,
      settings: { ...draft.settings, attemptsAllowed: 2, timeLimitMinutes: 20 },
      slots: [
        { kind: 'question', questionId: mine, points: 3 },
        { kind: 'random', category: 'basics', count: 1 },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      revision: draft.revision + 1,
      questionCount: 2,
      settings: { attemptsAllowed: 2, timeLimitMinutes: 20 },
      slots: [
        {
          kind: 'question',
          questionId: mine,
          points: 3,
          question: { id: mine, type: 'single-choice', archived: false },
        },
        // The fixed question is not drawn again, and the archived one is not in the pool.
        { kind: 'random', category: 'basics', count: 1, available: 0 },
      ],
    });

    const stale = await put({ revision: draft.revision, settings: draft.settings, slots: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.current.revision).toBe(draft.revision + 1);

    // The draw asks more than the category holds beyond the fixed question.
    const { status, problems } = await publishProblems(courseId);
    expect(status).toBe(422);
    expect(problems.join(' ')).toContain('holds 0 questions to draw from, the quiz asks for 1');
  });

  it('answers 404 for a lesson and for no activity', async () => {
    const course = await createCourse(t, trainer, lc);
    const { activityIds } = await addModule(t, trainer, course.id, course.revision, 'Module', ['A lesson']);
    const lesson = await call(t, trainer, 'get', `/api/studio/quizzes/${activityIds[0]}`);
    expect(lesson.status).toBe(404);
    expect(lesson.body.detail).toContain('not a quiz');
    expect((await call(t, trainer, 'get', `/api/studio/quizzes/${randomUUID()}`)).status).toBe(404);
  });

  it('freezes question versions at publishing, so editing a question later changes no attempt', async () => {
    const quiz = await quizCourse(t, trainer, lc, { fixed: ['single'], tag: 'Frozen' });
    const questionId = quiz.questions.single!;
    const [content] = (await db.query(`SELECT content FROM course_version_activity WHERE activity_id = $1`, [
      quiz.quizId,
    ])) as {
      content: { slots: { questionId: string; version: number }[]; questionCount: number; maxPoints: number };
    }[];
    expect(content!.content).toMatchObject({
      questionCount: 1,
      maxPoints: 1,
      slots: [{ questionId, version: 1 }],
    });

    const current = await call(t, trainer, 'get', `/api/studio/questions/${questionId}`);
    const edited = await call(t, trainer, 'put', `/api/studio/questions/${questionId}`).send({
      version: current.body.version,
      category: 'fixed',
      tags: [],
      question: { ...questionBodies('Edited').single, correctOptionId: 'a' },
    });
    expect(edited.status).toBe(200);
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const started = await call(
      t,
      learner,
      'post',
      `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}/attempts`,
    );
    expect(JSON.stringify(started.body.slots[0].question.prompt)).toContain('Frozen single');
    await call(t, learner, 'put', `/api/me/quiz-attempts/${started.body.id}/slots/1`).send({
      response: { optionId: 'b' },
      at: new Date().toISOString(),
    });
    const submitted = await call(t, learner, 'post', `/api/me/quiz-attempts/${started.body.id}/submit`);
    expect(submitted.body.result).toMatchObject({ passed: true, score: 1 });
  });

  it("copies a quiz and the questions it uses into a duplicated course's own bank", async () => {
    const quiz = await quizCourse(t, trainer, lc, {
      fixed: ['single', 'numeric'],
      random: 1,
      poolSize: 2,
      tag: 'Dup',
    });
    const copy = await call(t, trainer, 'post', `/api/studio/courses/${quiz.courseId}/duplicate`).send({});
    expect(copy.status).toBe(201);
    const [activity] = (await db.query(
      `SELECT a.id FROM activity a JOIN course_module m ON m.id = a.module_id WHERE m.course_id = $1`,
      [copy.body.id],
    )) as { id: string }[];
    const draft = await call(t, trainer, 'get', `/api/studio/quizzes/${activity!.id}`);
    expect(draft.status).toBe(200);
    const fixedIds = (draft.body.slots as { kind: string; questionId?: string; question?: { id: string } }[])
      .filter((s) => s.kind === 'question')
      .map((s) => s.questionId);
    expect(fixedIds).toHaveLength(2);
    expect(fixedIds.some((id) => Object.values(quiz.questions).includes(id!))).toBe(false);
    expect(draft.body.slots[2]).toMatchObject({ kind: 'random', category: 'pool', available: 2 });
    const [bank] = (await db.query(`SELECT count(*)::int AS count FROM question WHERE course_id = $1`, [
      copy.body.id,
    ])) as {
      count: number;
    }[];
    expect(bank!.count).toBe(4);
    const { status } = await publishProblems(copy.body.id);
    expect(status).toBe(200);
  });
});

import { expect } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { createPerson } from './admin-fixtures.js';
import { courseWithActivity, publish } from './course-fixtures.js';
import { call, signIn, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

/** Strings planted in answer keys and feedback: none may reach a learner before the settings allow. */
export const SECRETS = {
  optionFeedback: 'SECRET-OPTION-FEEDBACK',
  generalFeedback: 'SECRET-GENERAL-FEEDBACK',
  shortAnswer: 'SECRETSHORTANSWER',
  numericValue: '98765.4321',
  trueFalseFeedback: 'SECRET-TF-FEEDBACK',
};

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Every auto-graded type, each worth `points`, its prompt naming it so tests can find it. */
export function questionBodies(tag: string, points = 1): Record<string, Record<string, unknown>> {
  const base = (name: string) => ({
    prompt: doc(`${tag} ${name}`),
    generalFeedback: doc(SECRETS.generalFeedback),
    points,
  });
  return {
    single: {
      ...base('single'),
      type: 'single-choice',
      options: [
        { id: 'a', text: doc('Alpha'), feedback: doc(SECRETS.optionFeedback) },
        { id: 'b', text: doc('Beta'), feedback: null },
        { id: 'c', text: doc('Gamma'), feedback: null },
      ],
      correctOptionId: 'b',
    },
    multiple: {
      ...base('multiple'),
      type: 'multiple-response',
      options: [
        { id: 'm1', text: doc('One'), feedback: null, correct: true },
        { id: 'm2', text: doc('Two'), feedback: null, correct: false },
        { id: 'm3', text: doc('Three'), feedback: null, correct: true },
      ],
      scoring: 'partial',
    },
    trueFalse: {
      ...base('true-false'),
      type: 'true-false',
      answer: false,
      feedbackTrue: doc(SECRETS.trueFalseFeedback),
      feedbackFalse: doc(SECRETS.trueFalseFeedback),
    },
    short: {
      ...base('short'),
      type: 'short-answer',
      answers: [{ text: SECRETS.shortAnswer, fraction: 1, feedback: null }],
      caseSensitive: false,
    },
    numeric: {
      ...base('numeric'),
      type: 'numeric',
      answers: [{ value: Number(SECRETS.numericValue), tolerance: 0, fraction: 1, feedback: null }],
      units: [],
    },
    matching: {
      ...base('matching'),
      type: 'matching',
      // Sorted, the answers read Apple, Mango, Zucchini: not the pairs' order.
      pairs: [
        { id: 'p1', prompt: doc('Z first'), answer: 'Zucchini' },
        { id: 'p2', prompt: doc('A second'), answer: 'Apple' },
        { id: 'p3', prompt: doc('M third'), answer: 'Mango' },
      ],
      distractors: [],
    },
    ordering: {
      ...base('ordering'),
      type: 'ordering',
      items: [
        { id: 'o1', text: doc('First') },
        { id: 'o2', text: doc('Second') },
        { id: 'o3', text: doc('Third') },
        { id: 'o4', text: doc('Fourth') },
      ],
    },
  };
}

/** The fully right response to one of `questionBodies`, by its key. */
export const RIGHT: Record<string, unknown> = {
  single: { optionId: 'b' },
  multiple: { optionIds: ['m1', 'm3'] },
  trueFalse: { answer: false },
  short: { text: SECRETS.shortAnswer.toLowerCase() },
  numeric: { text: SECRETS.numericValue },
  matching: { matches: { p1: 'Zucchini', p2: 'Apple', p3: 'Mango' } },
  ordering: { order: ['o1', 'o2', 'o3', 'o4'] },
};

/** A wrong response of the right shape. */
export const WRONG: Record<string, unknown> = {
  single: { optionId: 'a' },
  multiple: { optionIds: ['m2'] },
  trueFalse: { answer: true },
  short: { text: 'nope' },
  numeric: { text: '1' },
  matching: { matches: { p1: 'Apple', p2: 'Zucchini', p3: 'Mango' } },
  ordering: { order: ['o4', 'o3', 'o2', 'o1'] },
};

/** Adds a question to a course's bank through the API; answers its id. */
export async function createQuestion(
  t: TestApp,
  session: TestSession,
  courseId: string,
  category: string,
  question: Record<string, unknown>,
): Promise<string> {
  const res = await call(t, session, 'post', `/api/studio/courses/${courseId}/questions`).send({
    category,
    tags: [],
    question,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export interface QuizCourse {
  courseId: string;
  slug: string;
  quizId: string;
  /** Bank question ids by `questionBodies` key, and the random category's ids. */
  questions: Record<string, string>;
  pool: string[];
}

/**
 * A published course whose only activity is a quiz: every question type fixed (or `fixed` of
 * them), plus `random` questions drawn from a category of `poolSize` single-choice questions.
 */
export async function quizCourse(
  t: TestApp,
  trainer: TestSession,
  institutionId: string,
  options: {
    settings?: Record<string, unknown>;
    fixed?: string[];
    random?: number;
    poolSize?: number;
    tag?: string;
  } = {},
): Promise<QuizCourse> {
  const {
    courseId,
    slug,
    activityId: quizId,
  } = await courseWithActivity(t, trainer, institutionId, {
    kind: 'quiz',
    title: 'Final quiz',
    summary: 'A course with a quiz.',
  });
  const course = { id: courseId, slug };
  const tag = options.tag ?? 'Q';
  const bodies = questionBodies(tag);
  const questions: Record<string, string> = {};
  for (const key of options.fixed ?? Object.keys(bodies)) {
    questions[key] = await createQuestion(t, trainer, course.id, 'fixed', bodies[key]!);
  }
  const pool: string[] = [];
  for (let i = 0; i < (options.poolSize ?? options.random ?? 0); i++) {
    pool.push(
      await createQuestion(t, trainer, course.id, 'pool', {
        ...bodies.single!,
        prompt: doc(`${tag} pool ${i}`),
      }),
    );
  }
  const draft = await call(t, trainer, 'get', `/api/studio/quizzes/${quizId}`);
  expect(draft.status).toBe(200);
  const slots: Record<string, unknown>[] = Object.values(questions).map((questionId) => ({
    kind: 'question',
    questionId,
  }));
  if (options.random) slots.push({ kind: 'random', category: 'pool', count: options.random });
  const saved = await call(t, trainer, 'put', `/api/studio/quizzes/${quizId}`).send({
    revision: draft.body.revision,
    settings: { ...draft.body.settings, ...options.settings },
    slots,
  });
  expect(saved.status).toBe(200);
  await publish(t, trainer, course.id);
  return { courseId: course.id, slug: course.slug, quizId, questions, pool };
}

/** A new learner of the institution, enrolled in the course. */
export async function enrolledLearner(t: TestApp, institutionId: string, slug: string): Promise<TestSession> {
  const person = await createPerson(t, { institutionId, role: InstitutionRole.Learner }, 'quizzer');
  const learner = await signIn(t, person.email, person.password);
  const res = await call(t, learner, 'post', `/api/courses/${slug}/enrolment`);
  expect(res.status).toBe(201);
  return learner;
}

/** The `questionBodies` key of a slot, read from its prompt (`<tag> <name>`). */
export function keyOfSlot(slot: { question: { prompt: unknown } }): string {
  const text = JSON.stringify(slot.question.prompt);
  const names: Record<string, string> = {
    ' single"': 'single',
    ' multiple"': 'multiple',
    ' true-false"': 'trueFalse',
    ' short"': 'short',
    ' numeric"': 'numeric',
    ' matching"': 'matching',
    ' ordering"': 'ordering',
  };
  for (const [suffix, key] of Object.entries(names)) if (text.includes(suffix)) return key;
  return text.includes(' pool ') ? 'single' : 'unknown';
}

/** Moves an open attempt's deadline into the past, as if its time limit had run out. */
export async function expire(db: DataSource, attemptId: string, secondsAgo: number): Promise<void> {
  await db.query(`UPDATE quiz_attempt SET deadline = now() - make_interval(secs => $2) WHERE id = $1`, [
    attemptId,
    secondsAgo,
  ]);
}

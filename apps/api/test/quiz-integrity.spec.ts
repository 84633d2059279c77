import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { call, type TestSession } from './sessions-for-tests.js';
import { seededApp } from './seeded-app.js';
import type { TestApp } from './test-app.js';
import { enrolledLearner, keyOfSlot, quizCourse, SECRETS, WRONG } from './quiz-fixtures.js';

/** Keys that only answer keys and grading hold: none may appear in a learner's body before feedback. */
const SECRET_KEYS = [
  '"correctOptionId"',
  '"correct"',
  '"fraction"',
  '"pairs"',
  '"distractors"',
  '"scoring"',
  '"caseSensitive"',
  '"tolerance"',
  '"feedbackTrue"',
  '"feedbackFalse"',
  '"generalFeedback"',
  '"correctResponse"',
  '"outcome"',
  '"pool"',
  '"questionId"',
];

/** Every field a learner's view of a question may have (learner-view.ts); anything else is a leak. */
const LEARNER_FIELDS = new Set([
  'type',
  'prompt',
  'points',
  'options',
  'units',
  'prompts',
  'answers',
  'items',
  'minWords',
]);

interface Slot {
  slot: number;
  question: { type: string; prompt: unknown; answers?: string[]; items?: { id: string }[] };
}

/**
 * Walks every route a learner calls during a live attempt and searches each answer's text for the
 * strings planted in the questions' answer keys and feedback, and for the keys that hold them.
 */
describe('quiz integrity: no answer key reaches a learner before the settings allow', () => {
  let t: TestApp;
  let lc: string;
  let trainer: TestSession;
  const seen: { route: string; text: string }[] = [];
  const now = () => new Date().toISOString();

  const record = (route: string, res: Response) => {
    expect(res.status).toBeLessThan(500);
    seen.push({ route, text: res.text });
    return res;
  };
  const leaks = () =>
    seen.flatMap(({ route, text }) =>
      [...Object.values(SECRETS), ...SECRET_KEYS]
        .filter((secret) => text.includes(secret))
        .map((s) => `${route}: ${s}`),
    );

  beforeAll(async () => {
    ({ t, lc, trainer } = await seededApp());
  });
  afterAll(() => t.close());

  async function walk(learner: TestSession, quiz: { slug: string; quizId: string }, label: string) {
    const overview = `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}`;
    record(`${label} catalogue`, await call(t, learner, 'get', `/api/courses/${quiz.slug}`));
    record(`${label} my learning`, await call(t, learner, 'get', '/api/me/learning'));
    record(`${label} outline`, await call(t, learner, 'get', `/api/me/learning/${quiz.slug}`));
    record(
      `${label} activity`,
      await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/activities/${quiz.quizId}`),
    );
    record(`${label} overview`, await call(t, learner, 'get', overview));
    const started = record(`${label} start`, await call(t, learner, 'post', `${overview}/attempts`));
    expect(started.status).toBe(201);
    record(`${label} start again`, await call(t, learner, 'post', `${overview}/attempts`));
    const id = started.body.id as string;
    const slots = started.body.slots as Slot[];
    for (const slot of slots) {
      const path = `/api/me/quiz-attempts/${id}/slots/${slot.slot}`;
      record(
        `${label} save ${slot.slot}`,
        await call(t, learner, 'put', path).send({ response: WRONG[keyOfSlot(slot)], at: now() }),
      );
      record(
        `${label} bad save ${slot.slot}`,
        await call(t, learner, 'put', path).send({ response: { nonsense: 1 }, at: now() }),
      );
      record(`${label} check ${slot.slot}`, await call(t, learner, 'post', `${path}/check`));
    }
    const attempt = record(`${label} attempt`, await call(t, learner, 'get', `/api/me/quiz-attempts/${id}`));
    // A learner's own true-false response holds "answer", so the question views are checked by field.
    for (const slot of attempt.body.slots as Slot[]) {
      expect(Object.keys(slot.question).filter((key) => !LEARNER_FIELDS.has(key))).toEqual([]);
    }
    record(`${label} overview during`, await call(t, learner, 'get', overview));
    record(
      `${label} progress`,
      await call(t, learner, 'put', `/api/me/learning/${quiz.slug}/activities/${quiz.quizId}/progress`).send({
        at: now(),
      }),
    );
    return { id, slots };
  }

  it('keeps every answer key out of a live attempt, and the order of matching and ordering answers', async () => {
    const quiz = await quizCourse(t, trainer, lc, { random: 2, poolSize: 3, tag: 'Live' });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const { slots } = await walk(learner, quiz, 'live');
    expect(seen.length).toBeGreaterThan(20);
    expect(leaks()).toEqual([]);

    const matching = slots.find((s) => s.question.type === 'matching')!;
    expect(matching.question.answers).toEqual(['Apple', 'Mango', 'Zucchini']);
    const ordering = slots.find((s) => s.question.type === 'ordering')!;
    expect(ordering.question.items!.map((item) => item.id)).not.toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('keeps them out after submitting, when feedback waits for the quiz to close', async () => {
    seen.length = 0;
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const quiz = await quizCourse(t, trainer, lc, {
      tag: 'Closing',
      settings: { feedback: 'after-close', availableUntil: until },
    });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const { id } = await walk(learner, quiz, 'after-close');
    const submitted = record('submit', await call(t, learner, 'post', `/api/me/quiz-attempts/${id}/submit`));
    expect(submitted.body).toMatchObject({ status: 'submitted', result: null });
    record('submit again', await call(t, learner, 'post', `/api/me/quiz-attempts/${id}/submit`));
    record('attempt after', await call(t, learner, 'get', `/api/me/quiz-attempts/${id}`));
    const overview = record(
      'overview after',
      await call(t, learner, 'get', `/api/me/learning/${quiz.slug}/quizzes/${quiz.quizId}`),
    );
    expect(overview.body.attempts[0].result).toBeNull();
    expect(leaks()).toEqual([]);
  });

  it('shows them once submitted when feedback follows the submission (the walk would see them)', async () => {
    seen.length = 0;
    const quiz = await quizCourse(t, trainer, lc, { tag: 'Shown', fixed: ['short'] });
    const learner = await enrolledLearner(t, lc, quiz.slug);
    const { id } = await walk(learner, quiz, 'after-submit');
    expect(leaks()).toEqual([]);
    record('submit', await call(t, learner, 'post', `/api/me/quiz-attempts/${id}/submit`));
    record('review', await call(t, learner, 'get', `/api/me/quiz-attempts/${id}`));
    expect(leaks()).toEqual(expect.arrayContaining([`review: ${SECRETS.shortAnswer}`]));
  });
});

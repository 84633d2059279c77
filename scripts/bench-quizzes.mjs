// The quiz budgets, for `pnpm bench` (scripts/bench.mjs), on a seeded API:
//   - the demo trainer publishes a course whose quiz has 10 fixed questions and a random draw of
//     10 from a category of 30; 500 learners sign up, enrol and start an attempt;
//   - answer saves: autocannon PUTs answers into those open attempts, 32 connections, 10 s;
//   - submissions: each learner saves a known set of answers, then all 500 submit at once; every
//     result is checked against the score it must have, and the trainer's attempt list must hold
//     exactly one submitted attempt per learner (no attempt lost, none counted twice);
//   - item analysis: the learners take attempts until the quiz holds 10,000, answering as well as
//     their "ability" lets them (so the discrimination index has something to find), then the
//     trainer's analysis is timed.
import autocannon from 'autocannon';
import { inParallel, newLearner, session, TRAINER } from './lib/bench-people.mjs';

const LEARNERS = 500;
const QUESTIONS = 20;
const ANALYSED_ATTEMPTS = 10_000;

const doc = (text) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A single-choice question whose right option is always `a`, so any learner's score is known. */
const question = (n) => ({
  type: 'single-choice',
  prompt: doc(`Question ${n}: which practice makes a public service digital by default?`),
  generalFeedback: null,
  points: 1,
  options: ['a', 'b', 'c', 'd'].map((id) => ({
    id,
    text: doc(`Option ${id} of question ${n}`),
    feedback: null,
  })),
  correctOptionId: 'a',
});

async function publishQuiz(trainer) {
  const institutions = await trainer.call('GET', '/api/institutions?country=LC');
  const centre = institutions.items.find((i) => i.name.includes('Training Centre'));
  const course = await trainer.call('POST', '/api/studio/courses', {
    slug: `bench-quiz-${Date.now().toString(36)}`,
    title: 'Benchmark quiz course',
    summary: 'One quiz of twenty questions.',
    language: 'en',
    institutionId: centre.id,
  });
  const module = await trainer.call('POST', `/api/studio/courses/${course.id}/modules`, {
    revision: course.revision,
    title: 'Assessment',
  });
  const quiz = await trainer.call(
    'POST',
    `/api/studio/courses/${course.id}/modules/${module.id}/activities`,
    {
      revision: module.course.revision,
      kind: 'quiz',
      title: 'Digital government check',
    },
  );
  const fixed = [];
  for (let n = 1; n <= 10; n += 1) {
    const created = await trainer.call('POST', `/api/studio/courses/${course.id}/questions`, {
      category: 'Bench/Fixed',
      tags: ['bench'],
      question: question(n),
    });
    fixed.push(created.id);
  }
  for (let n = 11; n <= 40; n += 1) {
    await trainer.call('POST', `/api/studio/courses/${course.id}/questions`, {
      category: 'Bench/Pool',
      tags: ['bench'],
      question: question(n),
    });
  }
  const draft = await trainer.call('GET', `/api/studio/quizzes/${quiz.id}`);
  await trainer.call('PUT', `/api/studio/quizzes/${quiz.id}`, {
    revision: draft.revision,
    settings: { ...draft.settings, attemptsAllowed: null, passingScore: 50, shuffleOptions: true },
    slots: [
      ...fixed.map((questionId) => ({ kind: 'question', questionId })),
      { kind: 'random', category: 'Bench/Pool', count: 10 },
    ],
  });
  await trainer.call('POST', `/api/studio/courses/${course.id}/publish`, {
    revision: quiz.course.revision,
    changeLog: 'Benchmark',
  });
  return { slug: course.slug, activityId: quiz.id };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

/** Answers all slots: the first `right` correctly, the rest wrongly. */
async function answer(person, attempt, right) {
  for (const slot of attempt.slots) {
    await person.call('PUT', `/api/me/quiz-attempts/${attempt.id}/slots/${slot.slot}`, {
      response: { optionId: slot.slot <= right ? 'a' : 'b' },
      at: new Date().toISOString(),
    });
  }
}

export async function measureQuizzes(port, serverTimes) {
  const base = `http://127.0.0.1:${port}`;
  const trainer = await session(base, TRAINER);
  const { slug, activityId } = await publishQuiz(trainer);
  const start = (person) => person.call('POST', `/api/me/learning/${slug}/quizzes/${activityId}/attempts`);

  const learners = await inParallel(
    Array.from({ length: LEARNERS }, (_, i) => i),
    4,
    async (i) => {
      const person = await newLearner(base, 'bench-quiz', i);
      await person.call('POST', `/api/courses/${slug}/enrolment`);
      return { person, attempt: await start(person) };
    },
  );

  // Answer saves into the 500 open attempts.
  let n = 0;
  const saveRequest = {
    method: 'PUT',
    setupRequest: (request) => {
      n += 1;
      const { person, attempt } = learners[n % LEARNERS];
      const slot = (Math.floor(n / LEARNERS) % QUESTIONS) + 1;
      return {
        ...request,
        path: `/api/me/quiz-attempts/${attempt.id}/slots/${slot}`,
        headers: { ...request.headers, ...person.headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          response: { optionId: n % 3 === 0 ? 'a' : 'c' },
          at: new Date().toISOString(),
        }),
      };
    },
  };
  const saveOptions = { url: base, connections: 32, requests: [saveRequest] };
  await autocannon({ ...saveOptions, duration: 3 }); // warm-up
  const saves = await serverTimes('PUT', '/api/me/quiz-attempts/:attemptId/slots/:slot', () =>
    autocannon({ ...saveOptions, duration: 10 }),
  );

  // Everyone's final answers: learner i gets i % 21 questions right.
  // All learners answer at once, as a class does before the deadline: each has its connection open
  // when it submits, as its browser would after saving its answers.
  await inParallel(learners, LEARNERS, ({ person, attempt }, i) =>
    answer(person, attempt, i % (QUESTIONS + 1)),
  );
  const submitted = await serverTimes('POST', '/api/me/quiz-attempts/:attemptId/submit', () =>
    Promise.all(
      learners.map(async ({ person, attempt }, i) => {
        const started = performance.now();
        const response = await person.request('POST', `/api/me/quiz-attempts/${attempt.id}/submit`);
        const ms = performance.now() - started;
        const body = await response.json();
        const expected = (i % (QUESTIONS + 1)) / QUESTIONS;
        const right = response.ok && Math.abs((body.result?.score ?? -1) - expected) < 1e-9;
        return { ms, right, status: response.status };
      }),
    ),
  );
  const list = await trainer.call('GET', `/api/studio/quizzes/${activityId}/attempts`);
  const perLearner = new Map();
  for (const row of list.items) perLearner.set(row.userId, (perLearner.get(row.userId) ?? 0) + 1);
  const submissions = {
    p99: submitted.p99,
    clientP99: percentile(
      submitted.result.map((r) => r.ms),
      0.99,
    ),
    wrong: submitted.result.filter((r) => !r.right).length,
    attempts: list.items.length,
    allSubmitted: list.items.every((row) => row.status === 'submitted' && row.number === 1),
    duplicated: [...perLearner.values()].filter((count) => count !== 1).length,
  };

  // Attempts for the item analysis: learner i answers each question right with probability i / 500.
  const more = Math.ceil((ANALYSED_ATTEMPTS - LEARNERS) / LEARNERS);
  const fillStarted = performance.now();
  await inParallel(learners, 32, async ({ person }, i) => {
    for (let k = 0; k < more; k += 1) {
      const attempt = await start(person);
      let right = 0;
      while (right < QUESTIONS && Math.random() < (i + 1) / LEARNERS) right += 1;
      await answer(person, attempt, right);
      await person.call('POST', `/api/me/quiz-attempts/${attempt.id}/submit`);
    }
  });
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  const analysisUrl = `/api/studio/quizzes/${activityId}/analysis`;
  const report = await trainer.call('GET', analysisUrl); // warm-up, and the count
  const times = [];
  for (let k = 0; k < 5; k += 1) {
    const started = performance.now();
    await trainer.call('GET', analysisUrl);
    times.push(performance.now() - started);
  }
  return {
    saves,
    submissions,
    analysis: {
      attempts: report.attempts,
      median: percentile(times, 0.5),
      max: Math.max(...times),
      fillSeconds,
    },
  };
}

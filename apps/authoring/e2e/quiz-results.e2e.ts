import { describe, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, signInToApi, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPageOk, courseWithLessonViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A published course whose quiz asks an essay (graded by hand) and a true/false question. */
async function publishedQuiz(page: Page) {
  const suffix = randomBytes(3).toString('hex');
  const course = await courseWithLessonViaApi(page, {
    title: `Results ${suffix}`,
    slug: `results-${suffix}`,
    module: 'Services',
    lesson: 'Intro',
    text: 'Hello.',
  });
  const essay = await asPageOk<{ id: string }>(page, 'POST', `/api/studio/courses/${course.id}/questions`, {
    category: 'Reflection',
    tags: [],
    name: 'Your service',
    question: {
      type: 'essay',
      prompt: doc('Describe a service you would move online.'),
      generalFeedback: null,
      points: 4,
      graded: true,
    },
  });
  const trueFalse = await asPageOk<{ id: string }>(
    page,
    'POST',
    `/api/studio/courses/${course.id}/questions`,
    {
      category: 'Basics',
      tags: [],
      name: 'Portal',
      question: {
        type: 'true-false',
        prompt: doc('A web portal is a digital channel.'),
        generalFeedback: null,
        points: 1,
        answer: true,
        feedbackTrue: null,
        feedbackFalse: null,
      },
    },
  );
  const outline = await asPageOk<{ revision: number; modules: { id: string }[] }>(
    page,
    'GET',
    `/api/studio/courses/${course.id}`,
  );
  const quiz = await asPageOk<{ id: string }>(
    page,
    'POST',
    `/api/studio/courses/${course.id}/modules/${outline.modules[0]!.id}/activities`,
    { kind: 'quiz', title: 'Check', required: true, revision: outline.revision },
  );
  const draft = await asPageOk<{ revision: number; settings: Record<string, unknown> }>(
    page,
    'GET',
    `/api/studio/quizzes/${quiz.id}`,
  );
  await asPageOk(page, 'PUT', `/api/studio/quizzes/${quiz.id}`, {
    revision: draft.revision,
    settings: { ...draft.settings, feedback: 'after-submit' },
    slots: [
      { kind: 'question', questionId: essay.id },
      { kind: 'question', questionId: trueFalse.id },
    ],
  });
  const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${course.id}`);
  await asPageOk(page, 'POST', `/api/studio/courses/${course.id}/publish`, {
    revision: current.revision,
    changeLog: 'With a quiz.',
  });
  return { slug: course.slug, quizId: quiz.id };
}

describe('studio: quiz results', () => {
  const suite = browserSuite();

  it('lists an attempt waiting for grading, grades the essay, and analyses the quiz', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const { slug, quizId } = await publishedQuiz(page);

    // A learner takes the quiz through the API.
    const learner = await signInToApi(system.baseUrl, DEMO.learner.email, DEMO.learner.password);
    await learner.post(`/api/courses/${slug}/enrolment`, {});
    const attempt = await learner.post<{ id: string; slots: { slot: number; question: { type: string } }[] }>(
      `/api/me/learning/${slug}/quizzes/${quizId}/attempts`,
      {},
    );
    for (const slot of attempt.slots) {
      const response =
        slot.question.type === 'essay'
          ? { text: 'Birth certificates, requested from home.' }
          : { answer: true };
      await learner.put(`/api/me/quiz-attempts/${attempt.id}/slots/${slot.slot}`, {
        response,
        at: new Date().toISOString(),
      });
    }
    await learner.post(`/api/me/quiz-attempts/${attempt.id}/submit`, {});

    // The results list says what waits for the trainer.
    await visit(page, `${system.baseUrl}/studio/quizzes/${quizId}/results`);
    const attempts = page.getByRole('table', { name: 'Attempts, per learner' });
    const row = attempts.getByRole('row').filter({ hasText: DEMO.learner.email });
    await row.getByText('1 to grade').waitFor();
    await checkAccessibility(page);

    // The review: the essay's answer, then its grade with a comment.
    await row.getByRole('link', { name: /^Grade attempt 1 of / }).click();
    await page.getByRole('heading', { level: 1, name: /^Attempt 1 of / }).waitFor();
    await page.getByText('Birth certificates, requested from home.').waitFor();
    await checkAccessibility(page);
    await page.getByLabel('Points (0 to 4)').fill('3');
    await page.getByLabel('Comment for the learner').fill('Good choice; say who benefits.');
    await page.getByRole('button', { name: 'Save grade' }).click();
    await page.getByText('4 of 5 points (80%)').waitFor();

    await visit(page, `${system.baseUrl}/studio/quizzes/${quizId}/results`);
    await row.getByText('Done').waitFor();

    // Item analysis, with its plain-language explanation, and a regrade.
    await page
      .getByRole('navigation', { name: 'Quiz sections' })
      .getByRole('link', { name: 'Item analysis' })
      .click();
    await page.getByText('Based on 1 submitted attempts.').waitFor();
    const analysis = page.getByRole('table', { name: 'Item analysis, per question' });
    await analysis.getByRole('rowheader', { name: /Portal/ }).waitFor();
    await checkAccessibility(page);
    await analysis.getByRole('button', { name: 'Regrade “Portal”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Regrade “Portal”?' });
    await confirm.getByRole('button', { name: 'Regrade' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page
      .getByText(/Regraded 1 attempts on version 1; 0 results changed/)
      .first()
      .waitFor();
  });
});

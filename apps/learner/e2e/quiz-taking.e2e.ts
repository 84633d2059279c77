import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi, type ApiSession } from './api-helpers';
import { newLearner, PASSWORD, TRAINER } from './learning-fixtures';
import { publishQuizCourse, type QuizCourse } from './quiz-fixtures';

async function signIn(page: Page, email: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/**
 * Waits until focus is on an element whose text starts so: the page moves focus in an effect
 * once the new content is on screen, a moment after the content itself appears. Times out (and
 * fails) when focus never gets there.
 */
async function focusReaches(page: Page, start: string) {
  await page.waitForFunction((text) => (document.activeElement?.textContent ?? '').startsWith(text), start, {
    timeout: 5_000,
  });
}

/** Follows a link or presses a button from the keyboard, as a learner without a mouse would. */
async function press(page: Page, name: string | RegExp, role: 'link' | 'button' = 'link') {
  const target = page.getByRole(role, { name }).first();
  await target.focus();
  await target.press('Enter');
}

/** Waits until the question on screen says its answer reached the API. */
async function saved(page: Page) {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved at/ })
    .waitFor();
}

/** Moves to the next question with the pager and checks that focus went to its heading. */
async function nextQuestion(page: Page, number: number) {
  await press(page, 'Next question');
  await page.waitForURL(new RegExp(`\\?q=${number}$`));
  await page.getByRole('heading', { level: 2, name: new RegExp(`^Question ${number} of 7`) }).waitFor();
  await focusReaches(page, `Question ${number} of 7`);
  await checkAccessibility(page);
}

/** Puts the ordering question's items in this order with its Up buttons, from the keyboard. */
async function putInOrder(page: Page, wanted: string[]) {
  for (const [index, text] of wanted.entries()) {
    for (;;) {
      const order = await page.locator('.quiz-ordering__text').allTextContents();
      const at = order.indexOf(text);
      if (at === index) break;
      const up = page.getByRole('button', { name: `Move “${text}” up` });
      await up.focus();
      await up.press('Enter');
      await page.getByText(`“${text}” moved to position ${at} of ${wanted.length}.`).waitFor();
    }
  }
}

describe('taking a quiz: start, answer by keyboard, reload, review, submit, result, retry', () => {
  const suite = browserSuite();
  let trainer: ApiSession;
  let quiz: QuizCourse;

  beforeAll(async () => {
    trainer = await signInToApi(suite.system.baseUrl, TRAINER.email, TRAINER.password);
    quiz = await publishQuizCourse(trainer, 'Registry Services', 'Front desk check');
  });

  it('takes a learner through an attempt and a second try', async () => {
    const { page, system } = suite;
    const email = await newLearner(system.baseUrl, 'Celestine Francois');
    const learner = await signInToApi(system.baseUrl, email, PASSWORD);
    await learner.post(`/api/courses/${quiz.slug}/enrolment`, {});
    const quizUrl = `${system.baseUrl}/learn/${quiz.slug}/${quiz.quizId}`;

    // The quiz in the reader: its rules in words, and the way in.
    await visit(
      page,
      `${system.baseUrl}/sign-in?next=${encodeURIComponent(`/learn/${quiz.slug}/${quiz.quizId}`)}`,
    );
    await signIn(page, email);
    await page.waitForURL(quizUrl);
    await page.getByRole('heading', { level: 1, name: quiz.quizTitle }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'How this quiz works' }).waitFor();
    await visit(page, quizUrl);
    const rules = page.locator('.quiz-settings');
    await expect(rules.textContent()).resolves.toContain('0 of 2 used');
    await expect(rules.textContent()).resolves.toContain('30 minutes per attempt');
    await expect(rules.textContent()).resolves.toContain('50%');
    const breadcrumb = page.getByRole('navigation', { name: 'Where you are' });
    await expect(breadcrumb.getByRole('link').allTextContents()).resolves.toEqual([
      'My learning',
      quiz.title,
    ]);

    await press(page, 'Start the quiz', 'button');
    await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
    const attemptUrl = page.url();
    await page.getByRole('heading', { level: 1, name: `${quiz.quizTitle}: attempt 1` }).waitFor();
    await expect(page.getByRole('timer').textContent()).resolves.toMatch(/^(30:00|29:\d\d)$/);
    await checkAccessibility(page);

    // 1. Single choice: arrow keys move through the radio buttons.
    await page.getByRole('heading', { level: 2, name: /^Question 1 of 7/ }).waitFor();
    await page.getByRole('radio', { name: 'A passport' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'A birth certificate' }).isChecked()).resolves.toBe(true);
    await saved(page);

    // 2. Multiple response: Space ticks, Tab moves on.
    await nextQuestion(page, 2);
    await page.getByRole('checkbox', { name: 'Appointments' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Online forms' }).isChecked()).resolves.toBe(true);
    await saved(page);

    // 3. True or false.
    await nextQuestion(page, 3);
    await page.getByRole('radio', { name: 'True' }).focus();
    await page.keyboard.press('Space');
    await saved(page);

    // 4. Short answer, typed, then the page is reloaded straight away: nothing is lost.
    await nextQuestion(page, 4);
    await page.getByRole('textbox', { name: 'Your answer to question 4' }).focus();
    await page.keyboard.type('Castries');
    await visit(page, page.url());
    await expect(page.getByRole('textbox', { name: 'Your answer to question 4' }).inputValue()).resolves.toBe(
      'Castries',
    );
    const nav = page.getByRole('navigation', { name: 'Questions' });
    await expect(nav.getByRole('link', { name: 'Question 4, answered' }).count()).resolves.toBe(1);
    await nav.getByRole('link', { name: 'Question 1, answered' }).click();
    await expect(page.getByRole('radio', { name: 'A birth certificate' }).isChecked()).resolves.toBe(true);
    await nav.getByRole('link', { name: 'Question 4, answered' }).click();

    // 5. Numeric, with its unit from a list.
    await nextQuestion(page, 5);
    await page.getByRole('textbox', { name: 'Your answer to question 5 (a number)' }).focus();
    await page.keyboard.type('5');
    await page.getByRole('combobox', { name: 'Unit' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('combobox', { name: 'Unit' }).inputValue()).resolves.toBe('days');
    await saved(page);

    // 6. Matching: one list per prompt, chosen by typing the answer's first letter.
    await nextQuestion(page, 6);
    await page.getByRole('combobox', { name: 'The Bahamas' }).focus();
    await page.keyboard.press('N');
    await page.getByRole('combobox', { name: 'Guyana' }).focus();
    await page.keyboard.press('G');
    await expect(page.getByRole('combobox', { name: 'Guyana' }).inputValue()).resolves.toBe('Georgetown');
    await saved(page);

    // 7 is left for later: the review lists it as unanswered.
    await nextQuestion(page, 7);
    await press(page, 'Review and submit');
    await page.getByRole('heading', { level: 2, name: 'Review your answers' }).waitFor();
    await focusReaches(page, 'Review your answers');
    await page.getByText('You have answered 6 of 7 questions.').waitFor();
    await checkAccessibility(page);
    await press(page, 'Go to question 7');
    await page.getByRole('heading', { level: 2, name: /^Question 7 of 7/ }).waitFor();
    await focusReaches(page, 'Question 7 of 7');
    await putInOrder(page, ['Arrive at the desk', 'Wait in the queue', 'Leave with the document']);
    // Shown in the right order already (the attempt drew that order): the learner says so.
    const keep = page.getByRole('button', { name: 'Keep this order as my answer' });
    if ((await keep.count()) > 0) await press(page, 'Keep this order as my answer', 'button');
    await saved(page);
    await checkAccessibility(page);

    await press(page, 'Review and submit');
    await page.getByText('Every question has an answer.').waitFor();
    await press(page, 'Submit my answers', 'button');

    // The result: score, passed, the passing score, each answer with its feedback, the history.
    await page.getByRole('heading', { level: 2, name: 'Your result' }).waitFor();
    await focusReaches(page, 'Your result');
    await expect(focusedText(page)).resolves.toBe('Your result');
    await page.getByText('Your score: 100% (7 of 7 points)').waitFor();
    await page.getByText('You passed.').waitFor();
    await page.getByText('Score to pass: 50%').waitFor();
    await expect(page.getByRole('heading', { level: 4, name: 'Right' }).count()).resolves.toBe(7);
    const history = page.getByRole('table', { name: 'Your attempts at this quiz' });
    await expect(history.getByRole('row').count()).resolves.toBe(2);
    await checkAccessibility(page);

    // A reload shows the same result: the attempt is submitted on the server.
    await visit(page, attemptUrl);
    await page.getByText('Your score: 100% (7 of 7 points)').waitFor();

    // Back on the quiz: the history and a second try.
    await press(page, 'Back to the quiz');
    await page.waitForURL(quizUrl);
    await page.getByRole('heading', { level: 2, name: 'Your attempts' }).waitFor();
    await expect(page.locator('.quiz-settings').textContent()).resolves.toContain('1 of 2 used');
    await page.getByText('You passed this quiz. Your score: 100%.').waitFor();
    await checkAccessibility(page);
    await press(page, 'Try again', 'button');
    await page.getByRole('heading', { level: 1, name: `${quiz.quizTitle}: attempt 2` }).waitFor();
    expect(page.url()).not.toBe(attemptUrl);
    await expect(page.getByRole('radio', { name: 'A birth certificate' }).isChecked()).resolves.toBe(false);
  }, 120_000);

  it('checks answers one by one when the quiz gives feedback at once, all questions on one page', async () => {
    const { page, system } = suite;
    const checked = await publishQuizCourse(trainer, 'Registry Practice', 'Practice round', {
      layout: 'all-on-one-page',
      feedback: 'immediate',
      timeLimitMinutes: null,
      attemptsAllowed: null,
    });
    const email = await newLearner(system.baseUrl, 'Dwayne Rolle');
    const learner = await signInToApi(system.baseUrl, email, PASSWORD);
    await learner.post(`/api/courses/${checked.slug}/enrolment`, {});

    await visit(
      page,
      `${system.baseUrl}/sign-in?next=${encodeURIComponent(`/learn/${checked.slug}/${checked.quizId}`)}`,
    );
    await signIn(page, email);
    await page.getByRole('heading', { level: 2, name: 'How this quiz works' }).waitFor();
    await expect(page.locator('.quiz-settings').textContent()).resolves.toContain(
      'You can check each answer as you go.',
    );
    await press(page, 'Start the quiz', 'button');
    await page.getByRole('heading', { level: 1, name: `${checked.quizTitle}: attempt 1` }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: /^Question \d of 7/ }).count()).resolves.toBe(7);
    await expect(page.getByRole('timer').count()).resolves.toBe(0);
    await checkAccessibility(page);

    // A wrong answer, checked: the feedback says so, shows a right answer, and the answer is locked.
    await page.getByRole('radio', { name: 'A utility bill' }).focus();
    await page.keyboard.press('Space');
    await saved(page);
    await press(page, 'Check my answer', 'button');
    const question = page.getByRole('region', { name: /^Question 1 of 7/ });
    await question.getByRole('heading', { level: 3, name: 'Not right' }).waitFor();
    await expect(question.textContent()).resolves.toContain('0 of 1 points');
    await expect(question.textContent()).resolves.toContain('A right answer:A birth certificate');
    await expect(page.getByRole('radio', { name: 'A birth certificate' }).isDisabled()).resolves.toBe(true);
    await expect(question.getByRole('button', { name: 'Check my answer' }).count()).resolves.toBe(0);
    await checkAccessibility(page);

    // Still checked after a reload.
    await visit(page, page.url());
    await page.getByRole('heading', { level: 3, name: 'Not right' }).waitFor();
    await expect(page.getByRole('radio', { name: 'A utility bill' }).isChecked()).resolves.toBe(true);
  }, 120_000);
});

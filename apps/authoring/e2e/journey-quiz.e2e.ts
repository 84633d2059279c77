import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO, signInToStudio } from './studio-helpers';

const CATEGORY = 'Front desk basics';
const TOPICS = ['A', 'B', 'C', 'D'] as const;

/**
 * Four single-choice questions in one category; each has one right option, "Right answer <topic>",
 * so the learner's side of the test can answer right or wrong by the option's text alone.
 */
const GIFT = [
  `$CATEGORY: ${CATEGORY}`,
  ...TOPICS.map(
    (topic) =>
      `::Topic ${topic}:: Which option is right for topic ${topic}? ` +
      `{=Right answer ${topic} ~Wrong answer ${topic} ~Another wrong answer ${topic}}`,
  ),
].join('\n\n');

const PASSWORD = 'a long walk along the Rodney Bay shore';

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Follows a link or presses a button from the keyboard, as a learner without a mouse would. */
async function press(page: Page, name: string | RegExp, role: 'link' | 'button' = 'link') {
  const target = page.getByRole(role, { name }).first();
  await target.focus();
  await target.press('Enter');
}

/**
 * Answers the three drawn questions of an attempt (one per page) from the keyboard: the option
 * whose text starts with `choice` ("Right" or "Wrong"). Returns the topics the attempt drew.
 */
async function answerAll(page: Page, choice: 'Right' | 'Wrong'): Promise<string[]> {
  const topics: string[] = [];
  for (let number = 1; number <= 3; number++) {
    const heading = new RegExp(`^Question ${number} of 3`);
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    const question = page.getByRole('region', { name: heading });
    const options = question.getByRole('group', { name: `Choose one answer to question ${number}` });
    const option = options.getByRole('radio', { name: new RegExp(`^${choice} answer [A-D]$`) });
    await option.waitFor();
    const label = await option.evaluate(
      (input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '',
    );
    topics.push(label.slice(-1));
    await option.focus();
    await page.keyboard.press('Space');
    await expect(option.isChecked()).resolves.toBe(true);
    // The answer reached the API before the learner moves on.
    await question
      .getByRole('status')
      .filter({ hasText: /^Saved at/ })
      .waitFor();
    if (number === 1) await checkAccessibility(page);
    if (number < 3) {
      await press(page, 'Next question');
      await page.waitForURL(new RegExp(`\\?q=${number + 1}$`));
    }
  }
  expect(new Set(topics).size).toBe(3);
  return topics;
}

/** Reviews the attempt (every question answered) and submits it, then waits for the result. */
async function reviewAndSubmit(page: Page) {
  await press(page, 'Review and submit');
  await page.getByRole('heading', { level: 2, name: 'Review your answers' }).waitFor();
  await page.getByText('You have answered 3 of 3 questions.').waitFor();
  await page.getByText('Every question has an answer.').waitFor();
  await checkAccessibility(page);
  await press(page, 'Submit my answers', 'button');
  await page.getByRole('heading', { level: 2, name: 'Your result' }).waitFor();
  await expect(focusedText(page)).resolves.toBe('Your result');
}

/** The course home's line for one activity, which says its status in words. */
const outlineRow = (page: Page, title: string): Locator =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
    .last();

/**
 * Issue 5's "done when", end to end through both apps: a trainer imports a GIFT bank and builds a
 * quiz with a random draw in the Studio; a learner signs up, fails, retries and passes, which
 * completes the activity; the trainer then sees both attempts and the item analysis.
 */
describe('journey: a quiz from a GIFT bank, failed then passed, analysed by the trainer', () => {
  const suite = browserSuite();

  it('goes from a GIFT import to the item analysis through the browser alone', async () => {
    const { page, system } = suite;
    const suffix = randomBytes(3).toString('hex');
    const title = `Front desk quiz ${suffix}`;
    const moduleTitle = 'Serving citizens';
    const quizTitle = 'Front desk check';

    // 1. The trainer creates an open course with a module.
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    await visit(page, `${system.baseUrl}/studio/courses/new`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Summary').fill('Checking what a front desk officer needs to know.');
    await page.getByLabel('Enrolment').selectOption('open');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel('Title of a new module').fill(moduleTitle);
    await page.getByRole('button', { name: 'Add module' }).click();
    await page.getByRole('heading', { level: 3, name: `Module 1: ${moduleTitle}` }).waitFor();
    await checkAccessibility(page);
    const courseUrl = page.url();

    // The question bank: paste the GIFT text, check the preview, import.
    await page.getByRole('link', { name: 'Question bank of this course' }).click();
    await page.getByRole('heading', { level: 1, name: 'Question bank' }).waitFor();
    await page.getByRole('button', { name: 'Import GIFT…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import questions from GIFT' });
    await dialog.getByLabel('GIFT text').fill(GIFT);
    await dialog.getByRole('button', { name: 'Check' }).click();
    await dialog.getByText('Readable questions: 4.').waitFor();
    for (const topic of TOPICS)
      await dialog.getByText(`Topic ${topic} (Single choice, ${CATEGORY})`).waitFor();
    await expect(dialog.getByText(/^Problems found/).count()).resolves.toBe(0);
    await checkAccessibility(page);
    const importButton = dialog.getByRole('button', { name: 'Import 4 questions' });
    await importButton.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Questions in the bank' });
    for (const topic of TOPICS) await table.getByRole('link', { name: `Topic ${topic}` }).waitFor();
    await page.getByRole('link', { name: `${CATEGORY} (4)` }).waitFor();
    await checkAccessibility(page);

    // 2. A quiz in the module, added from the outline with the keyboard.
    await visit(page, courseUrl);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel(`Title of a new quiz in “${moduleTitle}”`).focus();
    await page.keyboard.type(quizTitle);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: `Edit content: ${quizTitle}` }).click();
    await page.getByRole('heading', { level: 1, name: quizTitle }).waitFor();
    await page.getByText('No questions yet. Add questions from the bank or a random draw.').waitFor();
    const quizId = new URL(page.url()).pathname.split('/').pop()!;

    // A random draw of 3 of the category's 4 questions, and the rules.
    await page.getByLabel('Category to draw from').selectOption(CATEGORY);
    await page.getByLabel('Number of questions').fill('3');
    await page.getByRole('button', { name: 'Add random draw' }).click();
    await page
      .getByRole('heading', { level: 3, name: `1. Random: 3 questions from “${CATEGORY}”` })
      .waitFor();
    await page.getByLabel('Attempts allowed').fill('3');
    await page.getByLabel('Passing score (%)').fill('100');
    await page.getByRole('radio', { name: 'After submitting the attempt' }).check();
    await page.getByRole('radio', { name: 'One question per page' }).check();
    await page.getByRole('button', { name: 'Save quiz' }).first().click();
    await page.getByText('All changes saved.').waitFor();
    await checkAccessibility(page);

    // Publish, from the course page.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel('Change log').fill('First version: a front desk check.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Status: published, version 1.').waitFor();
    await checkAccessibility(page);

    // 3. A new learner, in a browser of their own, signs up and finds the course.
    const learner = await suite.anotherPage();
    // Its own address, so that repeated runs do not use up the sign-up allowance of the loopback one.
    await learner.setExtraHTTPHeaders({
      'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
    });
    const email = `learner-${suffix}@example.gov`;
    await visit(learner, `${system.baseUrl}/sign-up`);
    await learner.getByLabel('Full name').fill('Kimani Baptiste');
    await learner.getByLabel('E-mail address').fill(email);
    await learner.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await learner.getByRole('button', { name: 'Create my account' }).click();
    await learner.getByRole('navigation', { name: 'Main navigation' }).getByText('Kimani Baptiste').waitFor();
    await checkAccessibility(learner);

    await visit(learner, `${system.baseUrl}/courses?query=${encodeURIComponent(title)}`);
    await checkAccessibility(learner);
    await learner.getByRole('link', { name: title }).click();
    await learner.getByRole('heading', { level: 1, name: title }).waitFor();
    const slug = new URL(learner.url()).pathname.split('/')[2]!;
    const quizUrl = `${system.baseUrl}/learn/${slug}/${quizId}`;
    await press(learner, 'Enrol in this course', 'button');
    await learner.getByRole('link', { name: 'Start the course' }).waitFor();
    await checkAccessibility(learner);
    await press(learner, 'Start the course');
    await learner.waitForURL(quizUrl);
    await learner.getByRole('heading', { level: 1, name: quizTitle }).waitFor();
    await learner.getByRole('heading', { level: 2, name: 'How this quiz works' }).waitFor();
    const rules = learner.locator('.quiz-settings');
    await expect(rules.textContent()).resolves.toContain('0 of 3 used');
    await expect(rules.textContent()).resolves.toContain('100%');
    await checkAccessibility(learner);

    // First attempt: every answer wrong.
    await press(learner, 'Start the quiz', 'button');
    await learner.getByRole('heading', { level: 1, name: `${quizTitle}: attempt 1` }).waitFor();
    const firstDraw = await answerAll(learner, 'Wrong');
    await reviewAndSubmit(learner);
    await learner.getByText('Your score: 0% (0 of 3 points)').waitFor();
    await learner.getByText('You did not pass this time.').waitFor();
    await learner.getByText('Score to pass: 100%').waitFor();
    await expect(learner.getByRole('heading', { level: 4, name: 'Not right' }).count()).resolves.toBe(3);
    await checkAccessibility(learner);

    // Not passed, so not completed: the quiz page and the course home say so.
    await press(learner, 'Back to the quiz');
    await learner.waitForURL(quizUrl);
    await learner.getByText('You have not passed this quiz yet. Your score so far: 0%.').waitFor();
    await expect(rules.textContent()).resolves.toContain('1 of 3 used');
    await checkAccessibility(learner);
    const breadcrumb = learner.getByRole('navigation', { name: 'Where you are' });
    await breadcrumb.getByRole('link', { name: title }).focus();
    await learner.keyboard.press('Enter');
    await learner.waitForURL(`${system.baseUrl}/learn/${slug}`);
    await learner.getByRole('heading', { level: 2, name: 'Modules and lessons' }).waitFor();
    await expect(outlineRow(learner, quizTitle).textContent()).resolves.not.toContain('Completed');
    await learner.getByText('0 of 1 required activities completed').first().waitFor();
    await checkAccessibility(learner);

    // 4. Second attempt: every answer right, found by its text.
    await learner.getByRole('link', { name: quizTitle, exact: true }).click();
    await learner.waitForURL(quizUrl);
    await press(learner, 'Try again', 'button');
    await learner.getByRole('heading', { level: 1, name: `${quizTitle}: attempt 2` }).waitFor();
    const secondDraw = await answerAll(learner, 'Right');
    await reviewAndSubmit(learner);
    await learner.getByText('Your score: 100% (3 of 3 points)').waitFor();
    await learner.getByText('You passed.').waitFor();
    await expect(
      learner.getByRole('heading', { level: 4, name: 'Right', exact: true }).count(),
    ).resolves.toBe(3);
    await checkAccessibility(learner);

    // Completed now, with both attempts in the history.
    await press(learner, 'Back to the quiz');
    await learner.waitForURL(quizUrl);
    await learner.getByText('You passed this quiz. Your score: 100%.').waitFor();
    const history = learner.getByRole('table', { name: 'Your attempts at this quiz' });
    await expect(history.getByRole('row').count()).resolves.toBe(3);
    const attemptRow = (number: number) => history.getByRole('row').filter({ hasText: `Attempt ${number}` });
    await attemptRow(1).getByRole('cell', { name: 'No', exact: true }).waitFor();
    await attemptRow(2).getByRole('cell', { name: 'Yes', exact: true }).waitFor();
    await checkAccessibility(learner);
    await breadcrumb.getByRole('link', { name: title }).focus();
    await learner.keyboard.press('Enter');
    await learner.waitForURL(`${system.baseUrl}/learn/${slug}`);
    await learner.getByRole('heading', { level: 2, name: 'Modules and lessons' }).waitFor();
    await outlineRow(learner, quizTitle).getByText('Completed').waitFor();
    await learner.getByText('1 of 1 required activities completed').first().waitFor();
    await checkAccessibility(learner);

    // 5. The trainer sees both attempts in the results…
    await visit(page, `${system.baseUrl}/studio/quizzes/${quizId}/results`);
    const attempts = page.getByRole('table', { name: 'Attempts, per learner' });
    const rows = attempts.getByRole('row').filter({ hasText: email });
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await rows.getByRole('link', { name: 'Review attempt 1 of Kimani Baptiste' }).waitFor();
    await rows.getByRole('link', { name: 'Review attempt 2 of Kimani Baptiste' }).waitFor();
    await checkAccessibility(page);

    // …and the item analysis: each drawn question with its facility and how often each option was chosen.
    await page
      .getByRole('navigation', { name: 'Quiz sections' })
      .getByRole('link', { name: 'Item analysis' })
      .click();
    await page.getByText('Based on 2 submitted attempts.').waitFor();
    const analysis = page.getByRole('table', { name: 'Item analysis, per question' });
    await analysis.getByRole('rowheader').first().waitFor();
    const drawn = TOPICS.filter((topic) => firstDraw.includes(topic) || secondDraw.includes(topic));
    await expect(analysis.getByRole('rowheader').count()).resolves.toBe(drawn.length);
    for (const topic of drawn) {
      const wrong = firstDraw.includes(topic) ? 1 : 0;
      const right = secondDraw.includes(topic) ? 1 : 0;
      const facility = right / (wrong + right);
      const row = analysis
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: `Topic ${topic}` }) });
      const cells = row.getByRole('cell');
      await expect(cells.nth(0).textContent()).resolves.toBe(String(wrong + right));
      await expect(cells.nth(1).textContent()).resolves.toMatch(
        facility === 1
          ? /^100% \(very easy\)$/
          : facility === 0
            ? /^0% \(very hard\)$/
            : /^50% \(moderate\)$/,
      );
      const share = (count: number) => `${Math.round((count / (wrong + right)) * 100)}%`;
      const frequencies = await row.getByRole('listitem').allTextContents();
      expect(frequencies.sort()).toEqual(
        [
          `Right answer ${topic} (correct): ${right} (${share(right)})`,
          `Wrong answer ${topic}: ${wrong} (${share(wrong)})`,
          `Another wrong answer ${topic}: 0 (0%)`,
        ].sort(),
      );
    }
    await checkAccessibility(page);
  }, 180_000);
});

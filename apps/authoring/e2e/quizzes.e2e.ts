import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPageOk, courseWithLessonViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/** Three readable questions and, on line 5, one whose answer block is never closed. */
const GIFT = `$CATEGORY: Basics

::Capital:: What is the capital of Saint Lucia? {=Castries ~Kingstown ~Bridgetown}

::Broken:: Which ministry runs e-services? {=Finance ~Health ~Education

::Sky:: The sky is blue. {T}

::Digits:: How many digits does the number 100 have? {#3}
`;

interface Draft {
  revision: number;
  slots: { kind: string; questionId?: string; category?: string; count?: number }[];
}

describe('studio: question bank and quizzes', () => {
  const suite = browserSuite();

  it('imports GIFT with a problem after an explicit choice, builds a quiz from the bank, and publishes it', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const suffix = randomBytes(3).toString('hex');
    const title = `Quizzes ${suffix}`;
    const course = await courseWithLessonViaApi(page, {
      title,
      slug: `quizzes-${suffix}`,
      module: 'Digital services',
      lesson: 'Why e-services',
      text: 'Most people now apply online.',
    });

    // The bank, reached from the course page.
    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    await page.getByRole('link', { name: 'Question bank of this course' }).click();
    await page.getByRole('heading', { level: 1, name: 'Question bank' }).waitFor();
    await page.getByText('No questions yet.').waitFor();
    await checkAccessibility(page);

    // Import: paste, check, see the problem with its line, then accept it explicitly.
    await page.getByRole('button', { name: 'Import GIFT…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import questions from GIFT' });
    await dialog.getByLabel('GIFT text').fill(GIFT);
    await dialog.getByRole('button', { name: 'Check' }).click();
    await dialog.getByText('Readable questions: 3.').waitFor();
    await dialog.getByText('Line 5: the answer block is never closed').waitFor();
    const importButton = dialog.getByRole('button', { name: 'Import 3 questions' });
    await expect(importButton.isDisabled()).resolves.toBe(true);
    await checkAccessibility(page);
    // Keyboard only: the acceptance checkbox, then the import button.
    await dialog
      .getByLabel('Import the 3 readable questions anyway, and leave out the ones with problems')
      .focus();
    await page.keyboard.press('Space');
    await expect(importButton.isEnabled()).resolves.toBe(true);
    await importButton.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const table = page.getByRole('table', { name: 'Questions in the bank' });
    for (const name of ['Capital', 'Sky', 'Digits']) await table.getByRole('link', { name }).waitFor();
    await expect(table.getByRole('link', { name: 'Broken' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Basics (3)' }).waitFor();
    await checkAccessibility(page);

    // A question's page: its form, versions and learner preview.
    await table.getByRole('link', { name: 'Capital' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capital' }).waitFor();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('heading', { name: 'Preview: as learners see it' }).waitFor();
    await page
      .getByRole('group', { name: 'What is the capital of Saint Lucia?' })
      .getByLabel('Castries')
      .waitFor();
    await checkAccessibility(page);

    // A quiz in the module, added from the outline with the keyboard.
    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    const quizTitle = page.getByLabel('Title of a new quiz in “Digital services”');
    await quizTitle.focus();
    await page.keyboard.type('Check your understanding');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Edit content: Check your understanding' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your understanding' }).waitFor();
    await page.getByText('No questions yet. Add questions from the bank or a random draw.').waitFor();
    await checkAccessibility(page);

    // A fixed question from the bank, chosen in the dialog with the keyboard.
    await page.getByRole('button', { name: 'Add questions from the bank…' }).focus();
    await page.keyboard.press('Enter');
    const add = page.getByRole('dialog', { name: 'Add questions from the bank' });
    const capital = add.getByRole('checkbox', { name: 'Capital' });
    await capital.waitFor();
    await checkAccessibility(page);
    await capital.focus();
    await page.keyboard.press('Space');
    await add.getByRole('button', { name: 'Add the chosen questions (1)' }).focus();
    await page.keyboard.press('Enter');
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 3, name: '1. Capital' }).waitFor();

    // A random draw of the two other questions of the category.
    await page.getByLabel('Category to draw from').selectOption('Basics');
    await page.getByLabel('Number of questions').fill('2');
    await page.getByRole('button', { name: 'Add random draw' }).click();
    await page.getByRole('heading', { level: 3, name: '2. Random: 2 questions from “Basics”' }).waitFor();

    // Reorder with the buttons: the draw first, then back.
    await page.getByRole('button', { name: 'Move up: Question 2, random draw from Basics' }).click();
    await page.getByRole('heading', { level: 3, name: '1. Random: 2 questions from “Basics”' }).waitFor();
    // Focus stays on the moved slot's button, now named after its new position.
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
    ).resolves.toBe('Move up: Question 1, random draw from Basics');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: '1. Capital' }).waitFor();

    await page.getByLabel('Attempts allowed').fill('2');
    await page.getByLabel('Passing score (%)').fill('60');
    await page.getByRole('button', { name: 'Save quiz' }).first().click();
    await page.getByText('All changes saved.').waitFor();
    await checkAccessibility(page);

    const quizId = new URL(page.url()).pathname.split('/').pop()!;
    const draft = await asPageOk<Draft & { settings: { attemptsAllowed: number; passingScore: number } }>(
      page,
      'GET',
      `/api/studio/quizzes/${quizId}`,
    );
    expect(draft.slots.map((slot) => slot.kind)).toEqual(['question', 'random']);
    expect(draft.slots[1]).toMatchObject({ category: 'Basics', count: 2 });
    expect(draft.settings).toMatchObject({ attemptsAllowed: 2, passingScore: 60 });

    // Results pages are reachable from the quiz (no attempts yet).
    await page
      .getByRole('navigation', { name: 'Quiz sections' })
      .getByRole('link', { name: 'Results' })
      .click();
    await page.getByRole('link', { name: 'Download results (CSV)' }).waitFor();
    await checkAccessibility(page);

    // Publish the course with its quiz.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel('Change log').fill('First version, with a quiz.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Status: published, version 1.').waitFor();
    await checkAccessibility(page);
  });

  it('writes a multiple-response question in the form and saves a second version', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const suffix = randomBytes(3).toString('hex');
    const course = await courseWithLessonViaApi(page, {
      title: `Question form ${suffix}`,
      slug: `question-form-${suffix}`,
      module: 'One',
      lesson: 'Intro',
      text: 'Hello.',
    });

    await visit(page, `${system.baseUrl}/studio/courses/${course.id}/questions/new`);
    await page.getByRole('heading', { level: 1, name: 'New question' }).waitFor();
    await page.getByLabel('Question type').selectOption('multiple-response');
    await page.getByLabel('Name').fill('Channels');
    await page.getByLabel('Category').fill('Services');
    await page.getByRole('textbox', { name: 'Prompt' }).click();
    await page.keyboard.type('Which are digital channels?');
    await page.getByLabel('Option 1', { exact: true }).fill('A web portal');
    await page.getByLabel('Option 2', { exact: true }).fill('A mobile app');
    await page.getByLabel('Option 3', { exact: true }).fill('A paper form');
    await page.getByLabel('Option 2 is correct').check();
    await page.getByLabel('All or nothing').check();
    // Remove the third option, keyboard only, after moving it up (announced, focus follows).
    await page.getByRole('button', { name: 'Move up: Option 3' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Option 2', { exact: true }).inputValue()).resolves.toBe('A paper form');
    await page.getByRole('button', { name: 'Remove Option 2' }).click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page
      .getByRole('group', { name: 'Which are digital channels?' })
      .getByLabel('A mobile app')
      .waitFor();
    await checkAccessibility(page);

    await page.getByRole('button', { name: 'Add to the bank' }).click();
    await page.getByRole('heading', { level: 1, name: 'Channels' }).waitFor();
    await page.getByText('Multiple response, version 1, in “Services”, used in 0 quizzes.').waitFor();
    const questionId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await asPageOk<{ question: { options: { correct: boolean }[]; scoring: string } }>(
      page,
      'GET',
      `/api/studio/questions/${questionId}`,
    );
    expect(stored.question.scoring).toBe('all-or-nothing');
    expect(stored.question.options.map((option) => option.correct)).toEqual([true, true]);

    await page.getByLabel('Tags').fill('channels, basics');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Multiple response, version 2, in “Services”, used in 0 quizzes.').waitFor();
    await page
      .getByRole('table', { name: 'Versions of this question, newest first' })
      .getByText('2 (current)')
      .waitFor();
    await checkAccessibility(page);
  });
});

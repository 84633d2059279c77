import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { arrowTo, DEMO, signInToStudio } from './studio-helpers';

/**
 * PRODUCT.md journey 1, without quizzes and SCORM: a trainer builds a course in the Studio — details,
 * a module, a lesson written in the editor with a reflection — publishes it with a change log, and
 * it appears in the public catalogue with its outline, ready for learners.
 */
describe('journey 1: a trainer builds and publishes a course', () => {
  const suite = browserSuite();

  it('goes from a new course to the catalogue through the Studio alone', async () => {
    const { page, system } = suite;
    const title = `Service design in Castries ${randomBytes(3).toString('hex')}`;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);

    // Details.
    await visit(page, `${system.baseUrl}/studio/courses/new`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Summary').fill('Redesigning a public service with the people who use it.');
    await page.getByLabel('Enrolment').selectOption('open');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await checkAccessibility(page);

    // Outline: a module and a lesson.
    await page.getByLabel('Title of a new module').fill('Listening to citizens');
    await page.getByRole('button', { name: 'Add module' }).click();
    await page.getByRole('heading', { level: 3, name: 'Module 1: Listening to citizens' }).waitFor();
    await page
      .getByLabel('Title of a new lesson in “Listening to citizens”')
      .fill('Walking the service journey');
    await page.getByRole('button', { name: 'Add lesson to “Listening to citizens”' }).click();
    await page.getByRole('link', { name: 'Edit content: Walking the service journey' }).click();

    // The lesson, written in the editor.
    await page.getByRole('heading', { level: 1, name: 'Walking the service journey' }).waitFor();
    const content = page.getByRole('textbox', { name: 'Lesson content' });
    await content.click();
    await page.keyboard.type('Follow one application for a birth certificate from start to finish.');
    await page.keyboard.press('Shift+Tab');
    await arrowTo(page, 'Reflection');
    await page.keyboard.press('Enter');
    const reflection = page.getByRole('dialog', { name: 'Insert a reflection' });
    await page.getByLabel('Question for the learner').fill('Where did the applicant wait longest?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await reflection.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    await checkAccessibility(page);

    // Publish, from the course page.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByLabel('Change log').fill('First version: listening to citizens.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Status: published, version 1.').waitFor();
    await checkAccessibility(page);

    // Learners find it in the catalogue, with its outline.
    await visit(page, `${system.baseUrl}/courses?query=${encodeURIComponent(title)}`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Walking the service journey').waitFor();
    await expect(page.getByText('Listening to citizens').count()).resolves.toBeGreaterThan(0);
    await checkAccessibility(page);
  });
});

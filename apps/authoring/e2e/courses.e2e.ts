import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPage, asPageOk } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

const unique = () => randomBytes(3).toString('hex');

/** Creates a course through the Studio's form and waits for its page. */
async function createCourse(page: Page, baseUrl: string, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Courses' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
  await visit(page, page.url());
  await expect(page.getByRole('link', { name: 'New course' }).getAttribute('href')).resolves.toBe(
    '/studio/courses/new',
  );
  await visit(page, `${baseUrl}/studio/courses/new`);
  await page.getByRole('heading', { level: 1, name: 'New course' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await expect(page.getByLabel('Address (slug)').inputValue()).resolves.toBe(
    title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  );
  await page.getByLabel('Summary').fill('How Caribbean ministries move services online.');
  await page.getByLabel('Enrolment').selectOption('invitation');
  await page.getByRole('button', { name: 'Create course' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

async function addModule(page: Page, title: string): Promise<void> {
  await page.getByLabel('Title of a new module').fill(title);
  await page.getByRole('button', { name: 'Add module' }).click();
  await page.getByRole('heading', { level: 3, name: new RegExp(`: ${title}$`) }).waitFor();
}

async function addLesson(page: Page, module: string, title: string): Promise<void> {
  await page.getByLabel(`Title of a new lesson in “${module}”`).fill(title);
  await page.getByRole('button', { name: `Add lesson to “${module}”` }).click();
  await page.getByRole('button', { name: `Rename “${title}”` }).waitFor();
}

/** The lesson titles of one module, in order, as shown. */
async function lessonsOf(page: Page, module: string): Promise<string[]> {
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: module }) });
  return item.locator('.studio-outline__activity strong').allTextContents();
}

/** A write through the API with this page's session cookie and CSRF token, like a second tab. */
async function patchCourseElsewhere(page: Page, courseId: string, title: string): Promise<void> {
  const course = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${courseId}`);
  const answer = await asPage(page, 'PATCH', `/api/studio/courses/${courseId}`, {
    revision: course.revision,
    title,
    outcomes: ['Map a service journey'],
  });
  expect(answer.status).toBe(200);
}

describe('studio: courses', () => {
  const suite = browserSuite();

  it('builds an outline and reorders a lesson with the keyboard, kept after a reload', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const title = `Digital Government ${unique()}`;
    await createCourse(page, system.baseUrl, title);
    await visit(page, page.url());

    await addModule(page, 'Understanding digital government');
    await addModule(page, 'Designing services');
    await addLesson(page, 'Understanding digital government', 'Why services go digital');
    await addLesson(page, 'Understanding digital government', 'The Saint Lucia example');
    await addLesson(page, 'Designing services', 'Journey maps');
    await visit(page, page.url());

    // Keyboard only: focus the button and press Enter.
    const moveUp = page.getByRole('button', { name: 'Move up: The Saint Lucia example' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await page
      .getByText(
        'Lesson “The Saint Lucia example” moved to position 1 of module “Understanding digital government”.',
      )
      .waitFor({ state: 'attached' });
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
    ).resolves.toBe('Move up: The Saint Lucia example');
    await expect(lessonsOf(page, 'Understanding digital government')).resolves.toEqual([
      'The Saint Lucia example',
      'Why services go digital',
    ]);

    // Move a lesson to the other module.
    await page
      .getByLabel('Move “Journey maps” to module')
      .selectOption({ label: 'Understanding digital government' });
    await page.getByRole('button', { name: 'Move “Journey maps” to the chosen module' }).click();
    await page
      .getByText('Lesson “Journey maps” moved to position 3 of module “Understanding digital government”.')
      .waitFor({ state: 'attached' });

    // Modules move too.
    await page.getByRole('button', { name: 'Move up: Designing services' }).click();
    await page.getByRole('heading', { level: 3, name: 'Module 1: Designing services' }).waitFor();

    await visit(page, page.url());
    await page.getByRole('heading', { level: 3, name: 'Module 1: Designing services' }).waitFor();
    await expect(lessonsOf(page, 'Understanding digital government')).resolves.toEqual([
      'The Saint Lucia example',
      'Why services go digital',
      'Journey maps',
    ]);
    await expect(lessonsOf(page, 'Designing services')).resolves.toEqual([]);
    const edit = page.getByRole('link', { name: 'Edit content: Journey maps' });
    await expect(edit.getAttribute('href')).resolves.toMatch(/^\/studio\/lessons\/[0-9a-f-]{36}$/);

    // Delete a module after confirming.
    await page.getByRole('button', { name: 'Delete “Designing services”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the module “Designing services”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('heading', { level: 3, name: 'Module 1: Understanding digital government' })
      .waitFor();

    // The list finds it.
    await visit(page, `${system.baseUrl}/studio/courses?query=${encodeURIComponent(title)}`);
    await page.getByRole('link', { name: title }).waitFor();
  });

  it('edits the details, and on a conflict shows the newer values without overwriting them', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const title = `Changing Mindsets ${unique()}`;
    await createCourse(page, system.baseUrl, title);
    const courseId = page.url().split('/').pop()!;

    await page.getByLabel('Summary').fill('Leading change in public institutions.');
    await page.getByRole('button', { name: 'Add an outcome' }).click();
    await page.getByLabel('Outcome 1').fill('Explain why mindsets matter');
    await page.getByLabel('Estimated hours').fill('6.5');
    await page.getByLabel('Topics').fill('leadership, culture');
    await page.getByLabel('16. Peace, justice and strong institutions').check();
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Course details saved.').waitFor({ state: 'attached' });

    await visit(page, page.url());
    await expect(page.getByLabel('Outcome 1').inputValue()).resolves.toBe('Explain why mindsets matter');
    await expect(page.getByLabel('Estimated hours').inputValue()).resolves.toBe('6.5');
    await expect(page.getByLabel('Topics').inputValue()).resolves.toBe('leadership, culture');
    await expect(page.getByLabel('16. Peace, justice and strong institutions').isChecked()).resolves.toBe(
      true,
    );
    await expect(page.getByLabel('Enrolment').inputValue()).resolves.toBe('invitation');

    // Someone else saves between this page's load and its save.
    await patchCourseElsewhere(page, courseId, `${title} (their version)`);
    await page.getByLabel('Title', { exact: true }).fill(`${title} (my version)`);
    await page.getByRole('button', { name: 'Save details' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else saved this course meanwhile' });
    await conflict.waitFor();
    await conflict.getByText(`${title} (their version)`).waitFor();
    await conflict.getByText('Map a service journey').waitFor();
    await checkAccessibility(page);

    await conflict.getByRole('button', { name: 'Load the saved version' }).click();
    await page.getByRole('heading', { level: 1, name: `${title} (their version)` }).waitFor();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe(
      `${title} (their version)`,
    );
    await expect(page.getByLabel('Outcome 1').inputValue()).resolves.toBe('Map a service journey');

    // Nothing was overwritten: the saved course is still theirs.
    await visit(page, page.url());
    await page.getByRole('heading', { level: 1, name: `${title} (their version)` }).waitFor();
  });
});

import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPageOk, courseWithLessonViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

const unique = () => randomBytes(3).toString('hex');

interface Detail {
  id: string;
  title: string;
  status: string;
  modules: { title: string; activities: { id: string; title: string }[] }[];
}

/** A course with one module holding one written lesson, made through the API. */
async function courseWithLesson(page: Page, title: string) {
  const course = await courseWithLessonViaApi(page, {
    title,
    slug: `lifecycle-${unique()}`,
    module: 'Why services go digital',
    lesson: 'The Saint Lucia example',
    text: 'Castries moved business licences online.',
  });
  return { courseId: course.id, lessonId: course.lessonId };
}

describe('studio: duplicating and archiving courses', () => {
  const suite = browserSuite();

  it('duplicates a course from its page and opens the copy, with its outline and lesson content', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const title = `Digital services ${unique()}`;
    const { courseId, lessonId } = await courseWithLesson(page, title);
    await visit(page, `${system.baseUrl}/studio/courses/${courseId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.getByRole('button', { name: 'Duplicate' }).click();
    const dialog = page.getByRole('dialog', { name: `Duplicate “${title}”` });
    await dialog.waitFor();
    const field = dialog.getByLabel('Title of the copy');
    await expect(field.inputValue()).resolves.toBe(`Copy of ${title}`);
    await checkAccessibility(page);
    // An empty title is refused in the dialog, naming the field.
    await field.fill('');
    await dialog.getByRole('button', { name: 'Duplicate course' }).click();
    await dialog.getByText('Enter a title for the copy.').waitFor();
    await field.fill(`${title} (Guyana edition)`);
    await dialog.getByRole('button', { name: 'Duplicate course' }).click();

    await page.getByRole('heading', { level: 1, name: `${title} (Guyana edition)` }).waitFor();
    const copyId = page.url().split('/').pop()!;
    expect(copyId).not.toBe(courseId);
    await page.getByText(/^Status: Draft/).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Module 1: Why services go digital' }).waitFor();
    await visit(page, page.url());

    const copy = await asPageOk<Detail>(page, 'GET', `/api/studio/courses/${copyId}`);
    const copiedLesson = copy.modules[0]!.activities[0]!;
    expect(copiedLesson).toMatchObject({ title: 'The Saint Lucia example' });
    expect(copiedLesson.id).not.toBe(lessonId);
    const content = await asPageOk<{ document: unknown }>(
      page,
      'GET',
      `/api/studio/lessons/${copiedLesson.id}`,
    );
    expect(JSON.stringify(content.document)).toContain('Castries moved business licences online.');
  });

  it('archives a course after confirming, shows it read-only and archived in the list, and restores it', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const title = `Changing mindsets ${unique()}`;
    const { courseId } = await courseWithLesson(page, title);
    await visit(page, `${system.baseUrl}/studio/courses/${courseId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // Cancelling changes nothing.
    await page.getByRole('button', { name: 'Archive' }).click();
    const dialog = page.getByRole('dialog', { name: `Archive “${title}”?` });
    await dialog.waitFor();
    await checkAccessibility(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(asPageOk<Detail>(page, 'GET', `/api/studio/courses/${courseId}`)).resolves.toMatchObject({
      status: 'draft',
    });

    await page.getByRole('button', { name: 'Archive' }).click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Course “${title}” archived.`).waitFor({ state: 'attached' });
    const notice = page.getByRole('status').filter({ hasText: 'This course is archived' });
    await notice.waitFor();
    // Read-only: the details and the outline cannot be changed until the course is restored.
    await expect(page.getByRole('button', { name: 'Save details' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel('Title of a new module').isDisabled()).resolves.toBe(true);
    await expect(page.locator('.studio-drag-handle').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Duplicate' }).isDisabled()).resolves.toBe(false);

    // The list shows it as archived, and the status filter finds it.
    await visit(page, `${system.baseUrl}/studio/courses?status=archived&query=${encodeURIComponent(title)}`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await row.getByText('Archived').waitFor();
    await visit(page, `${system.baseUrl}/studio/courses?status=draft&query=${encodeURIComponent(title)}`);
    await page.getByText('No course matches these filters.').waitFor();

    // Restore: back to a draft that can be edited again.
    await visit(page, `${system.baseUrl}/studio/courses/${courseId}`);
    await page.getByRole('button', { name: 'Restore' }).click();
    const restoreDialog = page.getByRole('dialog', { name: `Restore “${title}”?` });
    await restoreDialog.getByRole('button', { name: 'Restore' }).click();
    await restoreDialog.waitFor({ state: 'hidden' });
    await page.getByText(`Course “${title}” restored as a draft.`).waitFor({ state: 'attached' });
    await expect(page.getByRole('button', { name: 'Save details' }).isDisabled()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    await expect(asPageOk<Detail>(page, 'GET', `/api/studio/courses/${courseId}`)).resolves.toMatchObject({
      status: 'draft',
    });
  });
});

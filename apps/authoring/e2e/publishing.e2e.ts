import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { addLessonViaApi, addModuleViaApi, createCourseViaApi, saveLessonViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

interface Built {
  courseId: string;
  lessonId: string;
}

/**
 * A course with a lesson (no content yet) in module 1 and an empty module 2, through the API with
 * the page's session cookie and CSRF token.
 */
async function createCourse(page: Page, title: string): Promise<Built> {
  const course = await createCourseViaApi(page, {
    title,
    slug: `publishing-${randomBytes(3).toString('hex')}`,
    summary: 'How Caribbean ministries move services online.',
  });
  const welcome = await addModuleViaApi(page, course.id, 'Welcome', course.revision);
  const lesson = await addLessonViaApi(page, course.id, welcome.id, 'Hello', welcome.course.revision);
  await addModuleViaApi(page, course.id, 'Still to write', lesson.course.revision);
  return { courseId: course.id, lessonId: lesson.id };
}

/** Gives the lesson a small valid document, as the lesson editor would save it. */
async function writeLesson(page: Page, lessonId: string): Promise<void> {
  const status = await saveLessonViaApi(page, lessonId, [
    { type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] },
  ]);
  expect(status).toBe(200);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

describe('studio: publishing', () => {
  const suite = browserSuite();

  it('lists what blocks publishing in plain words, then publishes version 1 and unpublishes', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const title = `Publishing ${randomBytes(3).toString('hex')}`;
    const { courseId, lessonId } = await createCourse(page, title);
    const coursePath = `${system.baseUrl}/studio/courses/${courseId}`;

    await visit(page, coursePath);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Status: draft, never published.').waitFor();
    await page.getByText('No version has been published yet.').waitFor();

    // The change log is required.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Write what changed in this version.').waitFor();
    await expect(focusedId(page)).resolves.toBe('publish-change-log');

    await page.getByLabel('Change log').fill('First version.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const summary = page.locator('.arch-error-summary').filter({
      has: page.getByRole('heading', { name: 'This course cannot be published yet' }),
    });
    await summary.waitFor();
    const emptyModule = summary.getByRole('link', {
      name: 'Module 2, “Still to write”, is empty: add a lesson to it.',
    });
    await emptyModule.waitFor();
    await summary.getByRole('link', { name: 'Lesson 1 of module 1, “Hello”, has no content yet.' }).waitFor();
    await checkAccessibility(page);

    // Each entry moves focus to its place in the outline.
    await emptyModule.click();
    await expect(page.evaluate(() => document.activeElement?.textContent ?? null)).resolves.toBe(
      'Module 2: Still to write',
    );

    // Fix both: content for the lesson through the API, and the empty module deleted.
    await writeLesson(page, lessonId);
    await visit(page, coursePath);
    await page.getByRole('button', { name: 'Delete “Still to write”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the module “Still to write”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByLabel('Change log').fill('First version: a welcome lesson.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Version 1 published.').waitFor({ state: 'attached' });
    await page.getByText('Status: published, version 1.').waitFor();
    const versions = page.getByRole('table', { name: 'Published versions, newest first' });
    const row = versions.getByRole('row').filter({ hasText: 'Version 1' });
    await row.getByText('First version: a welcome lesson.').waitFor();
    await expect(page.getByLabel('Change log').inputValue()).resolves.toBe('');
    await checkAccessibility(page);

    // Kept after a reload.
    await visit(page, coursePath);
    await page.getByText('Status: published, version 1.').waitFor();
    await versions.getByRole('row').filter({ hasText: 'Version 1' }).waitFor();

    // Unpublish, after confirming.
    await page.getByRole('button', { name: 'Unpublish' }).click();
    const confirm = page.getByRole('dialog', { name: `Unpublish “${title}”?` });
    await checkAccessibility(page);
    await confirm.getByRole('button', { name: 'Unpublish' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page
      .getByText('Status: draft, not in the catalogue. The last version published was version 1.')
      .waitFor();
    await visit(page, coursePath);
    await versions.getByRole('row').filter({ hasText: 'Version 1' }).waitFor();
  });

  it('says someone else changed the course when the revision is stale, and offers to reload', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const title = `Stale ${randomBytes(3).toString('hex')}`;
    const { courseId, lessonId } = await createCourse(page, title);
    await visit(page, `${system.baseUrl}/studio/courses/${courseId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // Another tab changes the course (its revision moves on).
    await writeLesson(page, lessonId);
    const status = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const course = (await (await fetch(`/api/studio/courses/${id}`)).json()) as { revision: number };
      const answer = await fetch(`/api/studio/courses/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ revision: course.revision, summary: 'Changed in another tab.' }),
      });
      return answer.status;
    }, courseId);
    expect(status).toBe(200);

    await page.getByLabel('Change log').fill('First version.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this course' });
    await conflict.waitFor();
    await checkAccessibility(page);
    await conflict.getByRole('button', { name: 'Load the latest version of the course' }).click();
    await conflict.waitFor({ state: 'detached' });
    await expect(page.getByLabel('Summary').inputValue()).resolves.toBe('Changed in another tab.');
  });
});

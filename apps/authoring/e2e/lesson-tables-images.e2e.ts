import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import {
  addLessonViaApi,
  addModuleViaApi,
  createCourseViaApi,
  saveLessonViaApi,
  storedLesson,
  type StoredNode,
} from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

const COURSE_TITLE = 'Open data in practice';
const LESSON_TITLE = 'Publishing a dataset';

async function createLesson(page: Page): Promise<{ courseId: string; lessonId: string }> {
  const course = await createCourseViaApi(page, {
    title: COURSE_TITLE,
    slug: `lesson-tables-${randomBytes(3).toString('hex')}`,
  });
  const module = await addModuleViaApi(page, course.id, 'Data the public can use', course.revision);
  const lesson = await addLessonViaApi(page, course.id, module.id, LESSON_TITLE, module.course.revision);
  return { courseId: course.id, lessonId: lesson.id };
}

async function stored(page: Page, lessonId: string): Promise<StoredNode> {
  return (await storedLesson(page, lessonId)).document;
}

/** Rows of the lesson's first table, each as its cells' types ("H" header, "C" cell). */
function tableShape(document: StoredNode): string[] {
  const table = document.content?.find((node) => node.type === 'table');
  return (table?.content ?? []).map((row) =>
    (row.content ?? []).map((cell) => (cell.type === 'tableHeader' ? 'H' : 'C')).join(''),
  );
}

describe('studio: lesson tables and images', () => {
  const suite = browserSuite();

  it('shows the lesson title with a way back to its course, and edits a table from the toolbar', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const { courseId, lessonId } = await createLesson(page);
    await visit(page, `${system.baseUrl}/studio/lessons/${lessonId}`);
    await page.getByRole('heading', { level: 1, name: LESSON_TITLE }).waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('link', { name: COURSE_TITLE }).getAttribute('href')).resolves.toBe(
      `/studio/courses/${courseId}`,
    );
    await expect(breadcrumb.getByText(LESSON_TITLE).getAttribute('aria-current')).resolves.toBe('page');

    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const button = (name: string) => toolbar.getByRole('button', { name, exact: true });
    const content = page.getByRole('textbox', { name: 'Lesson content' });
    await content.click();
    await page.keyboard.type('Who publishes what:');
    // Outside a table, the table buttons are there but unavailable.
    await expect(button('Add row below').getAttribute('aria-disabled')).resolves.toBe('true');

    await button('Table').click();
    // Header cells get their text first: empty headers are an accessibility fault (axe checks below).
    await page.keyboard.type('Ministry');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dataset');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Format');
    await content.getByText('Ministry').click();
    await expect(button('Header row').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(button('Table').getAttribute('aria-disabled')).resolves.toBe('true');
    const rows = content.locator('tr');
    const shown = async () =>
      rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => (c.tagName === 'TH' ? 'H' : 'C')).join('')),
      );
    await expect(shown()).resolves.toEqual(['HHH', 'CCC', 'CCC']);
    // A toolbar command gives focus back to the editor a frame later: keys pressed before that go to
    // the toolbar instead of the table.
    const editorFocused = () =>
      page.waitForFunction(() => document.activeElement?.closest('[contenteditable="true"]') != null);

    await button('Add row below').click();
    await button('Add column after').click();
    await expect(shown()).resolves.toEqual(['HHHH', 'CCCC', 'CCCC', 'CCCC']);
    // Tab moves to the new column; deleting it leaves "Ministry" where it was.
    await editorFocused();
    await page.keyboard.press('Tab');
    await button('Delete column').click();
    await content.getByText('Ministry').click();
    await button('Add column before').click();
    await editorFocused();
    await page.keyboard.press('Shift+Tab');
    await button('Delete column').click();
    await expect(shown()).resolves.toEqual(['HHH', 'CCC', 'CCC', 'CCC']);
    await expect(content.locator('th').allTextContents()).resolves.toEqual(['Ministry', 'Dataset', 'Format']);
    await content.locator('td').first().click();
    await button('Add row above').click();
    await expect(shown()).resolves.toEqual(['HHH', 'CCC', 'CCC', 'CCC', 'CCC']);
    await button('Delete row').click();
    await checkAccessibility(page);

    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    const document = await stored(page, lessonId);
    expect(tableShape(document)).toEqual(['HHH', 'CCC', 'CCC', 'CCC']);
    const firstHeader = document.content!.find((n) => n.type === 'table')!.content![0]!.content![0]!;
    expect(JSON.stringify(firstHeader)).toContain('Ministry');

    // The header row can be turned off, and deleting the table leaves the text around it.
    await content.getByText('Ministry').click();
    await button('Header row').click();
    await expect(button('Header row').getAttribute('aria-pressed')).resolves.toBe('false');
    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    expect(tableShape(await stored(page, lessonId))).toEqual(['CCC', 'CCC', 'CCC', 'CCC']);
    await content.getByText('Ministry').click();
    await button('Delete table').click();
    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    const after = await stored(page, lessonId);
    expect(tableShape(after)).toEqual([]);
    expect(JSON.stringify(after)).toContain('Who publishes what:');
  });

  it('edits an image after it was inserted: its alternative text, or marks it decorative', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const { lessonId } = await createLesson(page);
    const saved = await saveLessonViaApi(page, lessonId, [
      { type: 'paragraph', content: [{ type: 'text', text: 'The harbour:' }] },
      { type: 'image', attrs: { src: 'https://example.org/castries.jpg', alt: 'A harbour' } },
    ]);
    expect(saved).toBe(200);
    await visit(page, `${system.baseUrl}/studio/lessons/${lessonId}`);
    await page.getByRole('heading', { level: 1, name: LESSON_TITLE }).waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });

    // Selecting the image and choosing "Image" edits it instead of inserting another.
    await page.getByRole('img', { name: 'A harbour' }).click();
    await toolbar.getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the image' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Alternative text').inputValue()).resolves.toBe('A harbour');
    await checkAccessibility(page);
    await dialog.getByLabel('Alternative text').fill('Cruise ships in Castries harbour at dawn');
    await dialog.getByRole('button', { name: 'Update' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    let images = (await stored(page, lessonId)).content!.filter((n) => n.type === 'image');
    expect(images).toEqual([
      {
        type: 'image',
        attrs: { src: 'https://example.org/castries.jpg', alt: 'Cruise ships in Castries harbour at dawn' },
      },
    ]);

    await page.getByRole('img', { name: 'Cruise ships in Castries harbour at dawn' }).click();
    await toolbar.getByRole('button', { name: 'Image', exact: true }).click();
    await dialog.waitFor();
    await dialog.getByLabel('The image is decorative (screen readers skip it)').check();
    await dialog.getByRole('button', { name: 'Update' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    images = (await stored(page, lessonId)).content!.filter((n) => n.type === 'image');
    expect(images).toEqual([
      { type: 'image', attrs: { src: 'https://example.org/castries.jpg', alt: '', decorative: true } },
    ]);
  });
});

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
  walk,
} from './studio-api';
import { arrowTo, signInToStudio } from './studio-helpers';

const TRAINER = { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' };

/** Course → module → lesson through the API, with the page's session cookie and CSRF token. */
async function createLesson(page: Page): Promise<string> {
  const course = await createCourseViaApi(page, {
    title: 'Service design in practice',
    slug: `lesson-editor-${randomBytes(3).toString('hex')}`,
  });
  const module = await addModuleViaApi(page, course.id, 'Listening to citizens', course.revision);
  const lesson = await addLessonViaApi(
    page,
    course.id,
    module.id,
    'Why services go digital',
    module.course.revision,
  );
  return lesson.id;
}

const paragraph = (text: string): StoredNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Another author (another tab) saves the lesson in the meantime. */
async function saveElsewhere(
  page: Page,
  activityId: string,
  text: string,
  more: StoredNode[] = [],
): Promise<void> {
  expect(await saveLessonViaApi(page, activityId, [paragraph(text), ...more])).toBe(200);
}

async function openEditor(page: Page, baseUrl: string, activityId: string) {
  await visit(page, `${baseUrl}/studio/lessons/${activityId}`);
  // The page is headed by the lesson's title (every lesson here is "Why services go digital").
  await page.getByRole('heading', { level: 1, name: 'Why services go digital' }).waitFor();
  const content = page.getByRole('textbox', { name: 'Lesson content' });
  await content.waitFor();
  return content;
}

describe('studio: lesson editor', () => {
  const suite = browserSuite();

  it('writes a lesson with the keyboard-reachable toolbar, saves it and finds it after a reload', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, TRAINER);
    const activityId = await createLesson(page);
    const content = await openEditor(page, system.baseUrl, activityId);
    await page.getByText('No changes since the lesson was opened').waitFor();

    await content.click();
    await page.keyboard.type('Why services go digital');
    // Choosing the style gives the focus back to the text, where it was.
    await page.getByLabel('Text style').selectOption('2');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Citizens expect ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('quick');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' answers.');

    // From the text, Shift+Tab reaches the toolbar: one Tab stop, arrow keys inside.
    await page.keyboard.press('Shift+Tab');
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await expect(toolbar.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).resolves.toBe(
      'false',
    );
    await arrowTo(page, 'Callout');
    await page.keyboard.press('Enter');
    const calloutDialog = page.getByRole('dialog', { name: 'Insert a callout' });
    await calloutDialog.waitFor();
    await checkAccessibility(page);
    await page.getByLabel('Kind of callout').selectOption('tip');
    await calloutDialog.getByRole('button', { name: 'Insert callout' }).press('Enter');
    await calloutDialog.waitFor({ state: 'detached' });
    // Closing the dialog puts the author back in the text, inside the new callout.
    await page.waitForFunction(() => document.activeElement?.id === 'lesson-content');
    await page.keyboard.type('Start with the forms people use most.');

    await page.keyboard.press('Shift+Tab');
    await arrowTo(page, 'Reflection');
    await page.keyboard.press('Enter');
    const reflectionDialog = page.getByRole('dialog', { name: 'Insert a reflection' });
    await page
      .getByLabel('Question for the learner')
      .fill('Which service in your ministry would you move online first?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await reflectionDialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'lesson-content');

    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();

    const stored = await storedLesson(page, activityId);
    const nodes = walk(stored.document);
    expect(nodes[1]).toMatchObject({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Why services go digital' }],
    });
    // Chromium may move the space typed before Ctrl+B into the bold run; the word is what matters.
    expect(nodes.find((n) => n.marks?.some((m) => m.type === 'bold'))?.text?.trim()).toBe('quick');
    const callout = nodes.find((n) => n.type === 'callout');
    expect(callout?.attrs).toEqual({ variant: 'tip' });
    expect(walk(callout!).some((n) => n.text === 'Start with the forms people use most.')).toBe(true);
    const reflection = nodes.find((n) => n.type === 'reflection');
    expect(reflection?.attrs?.prompt).toBe('Which service in your ministry would you move online first?');
    expect(reflection?.attrs?.id).toMatch(/^[0-9a-f-]{36}$/);

    const reloaded = await openEditor(page, system.baseUrl, activityId);
    await reloaded.getByRole('heading', { level: 2, name: 'Why services go digital' }).waitFor();
    await reloaded.getByText('Which service in your ministry would you move online first?').waitFor();

    await page.getByRole('button', { name: 'Preview as learner' }).click();
    const preview = page.getByRole('region', { name: 'Learner preview' });
    await preview.getByText('Start with the forms people use most.').waitFor();
    await preview.getByLabel('Phone width').check();
    await checkAccessibility(page);
  });

  it('warns when someone else saved meanwhile, and loads their version only when asked', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, TRAINER);
    const activityId = await createLesson(page);
    const content = await openEditor(page, system.baseUrl, activityId);

    await saveElsewhere(page, activityId, 'Their version of the lesson');
    await content.click();
    await page.keyboard.type('My version of the lesson');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const notice = page.getByRole('alert').filter({ hasText: 'Someone else saved this lesson meanwhile' });
    await notice.waitFor();
    await page.getByText('Not saved: someone else saved this lesson meanwhile').waitFor();
    await checkAccessibility(page);
    // Nothing was overwritten on either side.
    expect(
      walk((await storedLesson(page, activityId)).document).some(
        (n) => n.text === 'Their version of the lesson',
      ),
    ).toBe(true);
    await content.getByText('My version of the lesson').waitFor();

    await notice.getByRole('button', { name: 'Load their version' }).click();
    const confirm = page.getByRole('dialog', { name: 'Replace your changes?' });
    await confirm.getByRole('button', { name: 'Replace with their version' }).click();
    await content.getByText('Their version of the lesson').waitFor();
    await expect(content.getByText('My version of the lesson').count()).resolves.toBe(0);
    await expect(notice.count()).resolves.toBe(0);

    // Now based on their revision: the next save goes through.
    await content.click();
    await page.keyboard.press('End');
    await page.keyboard.type(', revised');
    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    const stored = await storedLesson(page, activityId);
    expect(walk(stored.document).some((n) => n.text === 'Their version of the lesson, revised')).toBe(true);
  });

  it('keeps the author’s version over a newer one only when they choose to overwrite', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, TRAINER);
    const activityId = await createLesson(page);
    const content = await openEditor(page, system.baseUrl, activityId);

    await saveElsewhere(page, activityId, 'Their version of the lesson');
    await content.click();
    await page.keyboard.type('My version of the lesson');
    // Autosave after the pause in typing meets the conflict.
    const notice = page.getByRole('alert').filter({ hasText: 'Someone else saved this lesson meanwhile' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Keep mine and overwrite' }).click();
    await page.getByText(/^Saved at /).waitFor();
    const nodes = walk((await storedLesson(page, activityId)).document);
    expect(nodes.some((n) => n.text === 'My version of the lesson')).toBe(true);
    expect(nodes.some((n) => n.text === 'Their version of the lesson')).toBe(false);
  });

  it('keeps images, videos and sources it cannot insert yet through an edit and a save', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, TRAINER);
    const activityId = await createLesson(page);
    const blocks: StoredNode[] = [
      { type: 'image', attrs: { src: 'https://example.org/castries.jpg', alt: 'Castries harbour' } },
      { type: 'image', attrs: { src: 'https://example.org/pattern.png', alt: '', decorative: true } },
      {
        type: 'video',
        attrs: {
          src: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
          title: 'A service journey',
          transcript: 'A citizen applies for a permit.',
        },
      },
      {
        type: 'sources',
        content: [
          {
            type: 'orderedList',
            content: [{ type: 'listItem', content: [paragraph('Service design handbook, 2024')] }],
          },
        ],
      },
    ];
    await saveElsewhere(page, activityId, 'Introduction', blocks);
    const content = await openEditor(page, system.baseUrl, activityId);
    await content.getByText('Introduction').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' to the lesson');
    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    const stored = await storedLesson(page, activityId);
    // The editor keeps an empty paragraph after the last block, so there is always somewhere to type.
    expect(stored.document.content).toEqual([
      paragraph('Introduction to the lesson'),
      ...blocks,
      { type: 'paragraph', content: [] },
    ]);
  });
});

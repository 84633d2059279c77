import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { asPageOk, courseWithLessonViaApi, type StoredNode, walk } from './studio-api';
import { arrowTo, DEMO, signInToStudio } from './studio-helpers';
import { HUGE_PNG, PDF, PNG, SVG } from './upload-fixtures';

/** A draft course with one module and one written lesson: publishable as it is. */
const courseWithLesson = (page: Page, title: string) =>
  courseWithLessonViaApi(page, {
    title,
    slug: `uploads-${randomBytes(3).toString('hex')}`,
    summary: 'Photographs of public services.',
    module: 'Seeing the service',
    lesson: 'A day at the counter',
    text: 'Look.',
  });

describe('studio: uploading images and PDFs', () => {
  const suite = browserSuite();

  it('gives a course a cover image with its description, explains refused files, and the catalogue shows it', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const title = `Counters and queues ${randomBytes(2).toString('hex')}`;
    const course = await courseWithLesson(page, title);
    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    const picker = page.getByLabel('Upload a cover image');

    // Refused files are explained in words, under the field, and nothing changes.
    await picker.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: SVG });
    const fieldError = page.locator('#course-cover-file-error');
    await fieldError.getByText('This type of file cannot be uploaded.', { exact: false }).waitFor();
    await checkAccessibility(page);
    await picker.setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: HUGE_PNG });
    await fieldError
      .getByText('The image is too large: images may be at most 5 MB.', { exact: false })
      .waitFor();

    await picker.setInputFiles({ name: 'counter.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('img.studio-cover__image').waitFor();
    await page.getByLabel('Replace the cover image').waitFor();

    // A cover needs its description: said before anything is sent, with the focus on the field.
    await page.getByRole('button', { name: 'Save details' }).click();
    await page
      .locator('#course-cover-alt-error')
      .getByText('Describe the cover image, or remove it.')
      .waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('course-cover-alt');
    await page.keyboard.type('A clerk serving a queue at a post office counter');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Course details saved.').waitFor({ state: 'attached' });
    await page.getByRole('img', { name: 'A clerk serving a queue at a post office counter' }).waitFor();
    await checkAccessibility(page);

    const saved = await asPageOk<{
      coverFileId: string;
      coverUrl: string;
      coverAlt: string;
      revision: number;
    }>(page, 'GET', `/api/studio/courses/${course.id}`);
    expect(saved.coverUrl).toBe(`/api/files/${saved.coverFileId}`);
    expect(saved.coverAlt).toBe('A clerk serving a queue at a post office counter');

    // Published, the learner's course page shows the cover with its description.
    await asPageOk(page, 'POST', `/api/studio/courses/${course.id}/publish`, {
      revision: saved.revision,
      changeLog: 'With a cover',
    });
    await visit(page, `${system.baseUrl}/courses/${course.slug}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const cover = page.getByRole('img', { name: 'A clerk serving a queue at a post office counter' });
    await cover.waitFor();
    await expect(
      cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).resolves.toBe(true);
  });

  it('uploads an image into a lesson with its alt text, and attaches a PDF as a link, by keyboard', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await courseWithLesson(page, 'Forms people use');
    await visit(page, `${system.baseUrl}/studio/lessons/${course.lessonId}`);
    const content = page.getByRole('textbox', { name: 'Lesson content' });
    await content.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');

    await page.keyboard.press('Shift+Tab');
    await arrowTo(page, 'Image');
    await page.keyboard.press('Enter');
    const imageDialog = page.getByRole('dialog', { name: 'Insert an image' });
    await imageDialog.waitFor();
    // A PDF is not an image: said at once.
    await imageDialog.getByLabel('Upload an image').setInputFiles({
      name: 'handout.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await imageDialog
      .locator('#lesson-image-upload-error')
      .getByText('This file is not an image.', { exact: false })
      .waitFor();
    await imageDialog.getByLabel('Upload an image').setInputFiles({
      name: 'queue.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    const address = imageDialog.getByLabel('Image address');
    // The upload fills in the image's address.
    await page.waitForFunction(() =>
      (document.querySelector('dialog[open] input[type="url"]') as HTMLInputElement | null)?.value.startsWith(
        '/api/files/',
      ),
    );
    await expect(address.inputValue()).resolves.toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    await checkAccessibility(page);
    await imageDialog.getByLabel('Alternative text').fill('People queuing at a ministry counter');
    await imageDialog.getByRole('button', { name: 'Insert image' }).press('Enter');
    await imageDialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'lesson-content');

    await page.keyboard.press('Shift+Tab');
    await arrowTo(page, 'Attach PDF');
    await page.keyboard.press('Enter');
    const pdfDialog = page.getByRole('dialog', { name: 'Attach a PDF' });
    await pdfDialog.waitFor();
    await pdfDialog.getByLabel('PDF document').setInputFiles({
      name: 'Queue handout.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await pdfDialog.getByText('Ready to link: Queue handout.pdf').waitFor();
    await expect(pdfDialog.getByLabel('Link text').inputValue()).resolves.toMatch(
      /^Queue handout \(PDF, 1 kB\)$/,
    );
    await checkAccessibility(page);
    await pdfDialog.getByRole('button', { name: 'Insert link' }).press('Enter');
    await pdfDialog.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+s');
    await page.getByText(/^Saved at /).waitFor();
    const stored = await asPageOk<{ document: StoredNode }>(
      page,
      'GET',
      `/api/studio/lessons/${course.lessonId}`,
    );
    const nodes = walk(stored.document);
    const image = nodes.find((node) => node.type === 'image');
    expect(image?.attrs?.alt).toBe('People queuing at a ministry counter');
    expect(image?.attrs?.decorative).not.toBe(true);
    expect(String(image?.attrs?.src)).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    const link = nodes.find((node) => node.marks?.some((mark) => mark.type === 'link'));
    expect(link?.text).toBe('Queue handout (PDF, 1 kB)');
    const href = String(link?.marks?.find((mark) => mark.type === 'link')?.attrs?.href);
    expect(href).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);

    // Both load from the page's origin as a learner's browser would.
    const served = await page.evaluate(
      async (urls) =>
        Promise.all(
          urls.map(async (url) => {
            const answer = await fetch(url);
            return [
              answer.status,
              answer.headers.get('content-type'),
              answer.headers.get('content-disposition'),
            ];
          }),
        ),
      [String(image?.attrs?.src), href],
    );
    expect(served[0]).toEqual([200, 'image/png', expect.stringMatching(/^inline/)]);
    expect(served[1]).toEqual([200, 'application/pdf', expect.stringMatching(/^attachment/)]);
  });
});

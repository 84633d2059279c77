import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { publishedCourse } from './certificate-fixtures';
import { asPageOk } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';
import { PNG } from './upload-fixtures';

describe('studio: a course’s certificate template', () => {
  const suite = browserSuite();

  it('edits the template beside its live preview, inserts a placeholder from the keyboard, saves version 2 and downloads a sample PDF', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await publishedCourse(page, 'Certified');

    // From the course page to its certificate page; trainers author, but do not administer.
    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    await expect(page.getByRole('link', { name: 'Issued certificates' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Certificate settings and template' }).click();
    await page.getByRole('heading', { level: 1, name: `Certificate: ${course.title}` }).waitFor();
    await page.getByText('Current version: 1').waitFor();
    const sheet = page.getByTestId('certificate-sheet');
    await expect(sheet.getAttribute('aria-hidden')).resolves.toBe('true');
    await checkAccessibility(page);

    // Settings: held for approval, valid for two years.
    await page.getByLabel('Hold it for an administrator’s approval').check();
    await page.getByLabel('Valid for (months)').fill('24');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Certificate settings saved.').waitFor({ state: 'attached' });
    await expect(
      asPageOk(page, 'GET', `/api/studio/courses/${course.id}/certificate-settings`),
    ).resolves.toEqual({
      enabled: true,
      issueMode: 'approval',
      validityMonths: 24,
    });

    // The preview follows the title as it is typed.
    await page.getByLabel('Title', { exact: true }).fill('Certificate of achievement');
    await sheet.getByText('Certificate of achievement').waitFor();

    // The wording, then a placeholder inserted at the caret from the keyboard.
    const body = page.getByRole('textbox', { name: 'Wording' });
    await body.fill('This certifies that  completed the course.');
    await body.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'This certifies that '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
    ).resolves.toMatch(/^Insert \{\{learnerName\}\}/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'certificate-template-body');
    await expect(body.inputValue()).resolves.toBe(
      'This certifies that {{learnerName}} completed the course.',
    );
    await sheet.getByText('This certifies that Ana María Pérez-Łukasiewicz completed the course.').waitFor();
    // The same words are there for screen readers.
    await page
      .getByTestId('certificate-preview-text')
      .getByText('Wording: This certifies that Ana María Pérez-Łukasiewicz completed the course.')
      .waitFor({ state: 'attached' });

    // Portrait, a logo and a signatory.
    await page.getByLabel('Portrait').check();
    await expect(sheet.getAttribute('class')).resolves.toContain('certificate-sheet--portrait');
    await page
      .getByLabel('Add a logo')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'Logo 1' }).waitFor();
    await page.getByRole('button', { name: 'Add a signatory' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'certificate-signatory-0-name');
    const signatory = page.getByRole('group', { name: 'Signatory 1' });
    await signatory.getByLabel('Name').fill('Jo-Anne Éloi');
    await signatory.getByLabel('Title or position').fill('Director of Training');
    await sheet.getByText('Jo-Anne Éloi').waitFor();
    await checkAccessibility(page);

    // Saving makes version 2, listed in the history with who saved it.
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Current version: 2').waitFor();
    const history = page.getByRole('table', { name: 'Template versions, newest first' });
    await history.getByRole('row').filter({ hasText: 'Version 2' }).getByText('Renée Trainer').waitFor();
    const saved = await asPageOk<{
      version: number;
      body: string;
      orientation: string;
      signatories: unknown[];
    }>(page, 'GET', `/api/studio/courses/${course.id}/certificate-template`);
    expect(saved).toMatchObject({
      version: 2,
      body: 'This certifies that {{learnerName}} completed the course.',
      orientation: 'portrait',
    });
    expect(saved.signatories).toHaveLength(1);

    // The sample PDF, drawn by the server from what is on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download sample PDF' }).click(),
    ]);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Someone else saves meanwhile: the author's work stays, and they may keep theirs as a new version.
    await asPageOk(page, 'PUT', `/api/studio/courses/${course.id}/certificate-template`, {
      expectedVersion: 2,
      title: 'Their title',
      body: saved.body,
      language: 'en',
      orientation: 'landscape',
      logoFileIds: [],
      signatories: [],
    });
    await page.getByLabel('Title', { exact: true }).fill('Certificate of achievement (final)');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('heading', { name: 'Someone else saved this template meanwhile' }).waitFor();
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe(
      'Certificate of achievement (final)',
    );
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Keep mine and save it as a new version' }).click();
    await page.getByText('Current version: 4').waitFor();
    await history.getByRole('row').filter({ hasText: 'Version 4' }).waitFor();
  });

  it('shows the server’s refusal next to the field', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await publishedCourse(page, 'Refused');
    await visit(page, `${system.baseUrl}/studio/courses/${course.id}/certificate`);
    await page.getByText('Current version: 1').waitFor();
    await page.getByRole('textbox', { name: 'Wording' }).fill('Awarded to {{learnerNmae}}.');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    // The error summary takes focus and links to the field, which carries the message too.
    const summary = page.locator('.arch-error-summary');
    await summary.getByRole('link', { name: /learnerNmae/ }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Wording' }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await page.getByText('Current version: 1').waitFor();
    await checkAccessibility(page);
  });
});

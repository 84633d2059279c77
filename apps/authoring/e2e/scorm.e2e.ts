import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { BROKEN_LINE, brokenPackage, scormPackage } from './scorm-packages';
import { addModuleViaApi, asPageOk, createCourseViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/** A draft course of one module, made through the API; returns its id and the module's title. */
async function courseWithModule(page: Page) {
  const suffix = randomBytes(3).toString('hex');
  const course = await createCourseViaApi(page, {
    title: `Golf for public servants ${suffix}`,
    slug: `scorm-studio-${suffix}`,
    summary: 'A course made for the SCORM browser test.',
  });
  await addModuleViaApi(page, course.id, 'Basics', course.revision);
  return { id: course.id, module: 'Basics' };
}

/** Chooses the zip in the package field and sends it with the form's button. */
async function upload(page: Page, field: string, button: string, name: string, buffer: Buffer) {
  await page.getByLabel(field, { exact: true }).setInputFiles({ name, mimeType: 'application/zip', buffer });
  await page.getByRole('button', { name: button, exact: true }).click();
}

describe('studio: SCORM packages', () => {
  const suite = browserSuite();

  it('adds a SCORM activity, uploads a package, explains a refused one and reports what a replacement kept', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await courseWithModule(page);

    // The outline adds a SCORM package next to lessons and quizzes, with the keyboard.
    await visit(page, `${system.baseUrl}/studio/courses/${course.id}`);
    await page.getByLabel(`Title of a new SCORM package in “${course.module}”`).fill('Golf basics');
    await page.keyboard.press('Enter');
    await page.getByText('(SCORM package, required)').waitFor();
    await checkAccessibility(page);
    await page.getByRole('link', { name: 'Edit content: Golf basics' }).click();
    await page.getByRole('heading', { level: 2, name: 'Current package' }).waitFor();
    await page.getByText('No package has been uploaded yet.', { exact: false }).waitFor();
    await checkAccessibility(page);
    const activityId = new URL(page.url()).pathname.split('/').pop()!;

    // A first package: its details and its organization.
    await upload(
      page,
      'SCORM package (zip)',
      'Upload package',
      'golf.zip',
      await scormPackage('Golf course', [['item_1', 'Playing golf']]),
    );
    const facts = page.locator('dl.arch-facts').first();
    await facts.getByText('SCORM 1.2', { exact: true }).waitFor();
    await facts.getByText('golf.zip', { exact: true }).waitFor();
    await facts.getByText('SCOs: 1, assets: 0').waitFor();
    await page.locator('.scorm-tree').getByText('Playing golf').waitFor();
    await page.getByText('No earlier uploads.').waitFor();
    await checkAccessibility(page);

    // A broken manifest is refused, explained in the trainer's language with its line, and the
    // current package stays.
    await page.getByLabel('Language').selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    await upload(page, 'Nuevo paquete SCORM (zip)', 'Subir y sustituir', 'roto.zip', await brokenPackage());
    const refusal = page.getByRole('alert').filter({ hasText: 'roto.zip fue rechazado' });
    await refusal.getByText('imsmanifest.xml no es XML bien formado', { exact: false }).waitFor();
    await refusal.getByText(`Línea ${BROKEN_LINE} de imsmanifest.xml`).waitFor();
    await refusal.getByText('El paquete actual no ha cambiado.').waitFor();
    await checkAccessibility(page);
    await page.getByLabel('Idioma').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await facts.getByText('golf.zip', { exact: true }).waitFor();

    // A replacement with two SCOs: the first keeps its identifier, so learners keep its data.
    await upload(
      page,
      'New SCORM package (zip)',
      'Upload and replace',
      'golf-2.zip',
      await scormPackage('Golf course', [
        ['item_1', 'Playing golf'],
        ['item_2', 'Putting'],
      ]),
    );
    const report = page.getByRole('region', { name: 'What the replacement changed' });
    await report.getByText('Kept SCOs: 1').waitFor();
    await report.getByText('New SCOs: 1').waitFor();
    await report.getByText('Removed SCOs: 0').waitFor();
    await report.getByText('learners keep their data', { exact: false }).waitFor();
    await expect(report.locator('code').allTextContents()).resolves.toEqual(['item_1', 'item_2']);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page
      .getByRole('table', { name: 'Earlier uploads of this activity' })
      .getByText('golf.zip')
      .waitFor();
    await checkAccessibility(page);

    const draft = await asPageOk<{ package: { originalName: string }; history: unknown[] }>(
      page,
      'GET',
      `/api/studio/scorm/${activityId}`,
    );
    expect(draft.package.originalName).toBe('golf-2.zip');
    expect(draft.history).toHaveLength(1);

    // Nobody has taken it yet: the learners view says so.
    await page.getByRole('link', { name: 'Learners', exact: true }).click();
    await page.getByText('No learner has opened this activity yet.').waitFor();
    await checkAccessibility(page);
  });
});

import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { checkAccessibility, signInToApi, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { BROKEN_LINE, brokenPackage, heavyPackage, scormPackage } from './scorm-packages';
import { addModuleViaApi, asPageOk, createCourseViaApi } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/** A draft course of one module, made through the API; returns its id and the module's title. */
async function courseWithModule(page: Page) {
  const suffix = randomBytes(3).toString('hex');
  const title = `Golf for public servants ${suffix}`;
  const course = await createCourseViaApi(page, {
    title,
    slug: `scorm-studio-${suffix}`,
    summary: 'A course made for the SCORM browser test.',
  });
  await addModuleViaApi(page, course.id, 'Basics', course.revision);
  return { id: course.id, title, module: 'Basics' };
}

/** Uploads a zip to the activity from inside the page, as the studio's form does. */
async function uploadViaApi(page: Page, activityId: string, zip: Buffer): Promise<void> {
  const status = await page.evaluate(
    async ({ activityId, base64 }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/zip' }), 'golf.zip');
      const answer = await fetch(`/api/studio/scorm/${activityId}/package`, {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken },
        body: form,
      });
      return answer.status;
    },
    { activityId, base64: zip.toString('base64') },
  );
  if (status !== 201) throw new Error(`uploading the package answered ${status}`);
}

/** A published course whose only activity is a SCORM package of one SCO; returns where it is. */
async function publishedScormCourse(page: Page) {
  const suffix = randomBytes(3).toString('hex');
  const slug = `scorm-learners-${suffix}`;
  const course = await createCourseViaApi(page, {
    title: `Golf results ${suffix}`,
    slug,
    summary: 'A course made for the SCORM browser test.',
  });
  const module = await addModuleViaApi(page, course.id, 'Basics', course.revision);
  const activity = await asPageOk<{ id: string; course: { revision: number } }>(
    page,
    'POST',
    `/api/studio/courses/${course.id}/modules/${module.id}/activities`,
    { kind: 'scorm', title: 'Golf basics', required: true, revision: module.course.revision },
  );
  await uploadViaApi(page, activity.id, await scormPackage('Golf course', [['item_1', 'Playing golf']]));
  const current = await asPageOk<{ revision: number }>(page, 'GET', `/api/studio/courses/${course.id}`);
  await asPageOk(page, 'POST', `/api/studio/courses/${course.id}/publish`, {
    revision: current.revision,
    changeLog: 'First version',
  });
  return { courseId: course.id, slug, activityId: activity.id };
}

/** Chooses the zip in the package field and sends it with the form's button, from the keyboard. */
async function upload(page: Page, field: string, button: string, name: string, buffer: Buffer) {
  await page.getByLabel(field, { exact: true }).setInputFiles({ name, mimeType: 'application/zip', buffer });
  await page.getByRole('button', { name: button, exact: true }).focus();
  await page.keyboard.press('Enter');
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
    await page.getByRole('heading', { level: 1, name: 'Golf basics' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Current package' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: course.title })
      .waitFor();
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
    // One error, counted with the language's plural form rather than "error(es)".
    await refusal
      .getByText('La comprobación del paquete encontró 1 error. Corríjalo', { exact: false })
      .waitFor();
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
      await scormPackage(
        'Golf course',
        [
          ['item_1', 'Playing golf'],
          ['item_2', 'Putting'],
        ],
        ['swing.mp4'],
      ),
    );
    const report = page.getByRole('region', { name: 'What the replacement changed' });
    await report.getByText('Kept SCOs: 1').waitFor();
    await report.getByText('New SCOs: 1').waitFor();
    await report.getByText('Removed SCOs: 0').waitFor();
    await report.getByText('learners keep their data', { exact: false }).waitFor();
    await expect(report.locator('code').allTextContents()).resolves.toEqual(['item_1', 'item_2']);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    // A file the manifest lists but the zip lacks is a warning: the package is kept, the trainer told.
    const warnings = page.getByRole('region', { name: 'Warnings' });
    await warnings
      .getByText('A file listed by a resource is not in the zip.', { exact: false })
      .first()
      .waitFor();
    await warnings.getByText('Resource “res_item_2”').waitFor();
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
    await page.getByText('No learner is enrolled in this course yet.').waitFor();
    await checkAccessibility(page);
  });

  it('shows a learner’s attempt with its runtime data, and resets it after confirmation, by keyboard', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await publishedScormCourse(page);

    // The demo learner opens the SCO, answers one question and leaves it suspended on page 3.
    const learner = await signInToApi(system.baseUrl, DEMO.learner.email, DEMO.learner.password);
    await learner.post(`/api/courses/${course.slug}/enrolment`, {});
    const navigation = `/api/me/learning/${course.slug}/scorm/${course.activityId}/navigation`;
    const started = await learner.post<{ delivery: { commitUrl: string; attemptNumber: number } }>(
      navigation,
      {
        request: 'start',
      },
    );
    expect(started.delivery.attemptNumber).toBe(1);
    await learner.post(`${started.delivery.commitUrl}?final=true`, {
      commitSequence: 1,
      cmi: {
        core: {
          lesson_location: 'page-3',
          lesson_status: 'incomplete',
          exit: 'suspend',
          session_time: '00:04:30',
          score: { raw: '40', min: '0', max: '100' },
        },
        suspend_data: 'x'.repeat(120),
        interactions: {
          '0': {
            id: 'q1',
            type: 'choice',
            student_response: 'b',
            result: 'wrong',
            weighting: '1',
            latency: '00:00:12',
            correct_responses: { '0': { pattern: 'a' } },
          },
        },
      },
    });

    // The learners view lists them with their status, time and attempts.
    await visit(page, `${system.baseUrl}/studio/scorm/${course.activityId}/learners`);
    const table = page.getByRole('table', { name: 'Learners of this SCORM activity' });
    const row = table.getByRole('row').nth(1);
    await row.getByText('Incomplete', { exact: false }).waitFor();
    await row.getByRole('cell', { name: '4 min 30 sec' }).waitFor();
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();
    await checkAccessibility(page);

    // Their attempt: where they stopped, how much state the SCO saved, and the interaction.
    await row.getByRole('link', { name: /^Attempts of / }).click();
    await page.getByRole('heading', { level: 2, name: 'Playing golf' }).waitFor();
    await page
      .getByRole('heading', { level: 3, name: 'Attempt 1: suspended (the learner will resume it)' })
      .waitFor();
    // The page itself is the breadcrumb's last entry; the Learners section is only where it is.
    const sections = page.getByRole('navigation', { name: 'SCORM activity sections' });
    await expect(sections.getByRole('link', { name: 'Learners' }).getAttribute('aria-current')).resolves.toBe(
      'true',
    );
    await expect(page.locator('[aria-current="page"]').count()).resolves.toBe(1);
    await page.getByText('page-3', { exact: true }).waitFor();
    await page.getByText('120 characters').waitFor();
    await page.getByText('40 (from 0 to 100)', { exact: false }).waitFor();
    const interactions = page.getByRole('table', { name: 'Interactions of attempt 1 of “Playing golf”' });
    await interactions.getByRole('cell', { name: 'Choice' }).waitFor();
    await interactions.getByRole('cell', { name: 'Incorrect' }).waitFor();
    await interactions.getByRole('cell', { name: 'b', exact: true }).waitFor();
    await checkAccessibility(page);

    // Reset, with the keyboard, after confirming.
    await page.getByRole('button', { name: 'Reset attempts' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Reset the attempts of / });
    await dialog.getByText('Their earlier attempts stay on record.', { exact: false }).waitFor();
    await checkAccessibility(page);
    await dialog.getByRole('button', { name: 'Reset attempts' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 3, name: 'Attempt 1: ended' }).waitFor();
    await checkAccessibility(page);

    // The next launch starts afresh.
    const again = await learner.post<{ delivery: { attemptNumber: number; entry: string } }>(navigation, {
      request: 'start',
    });
    expect(again.delivery).toEqual(expect.objectContaining({ attemptNumber: 2, entry: 'ab-initio' }));
  });

  it('shows how much of a large package has been sent, cancels the upload, and keeps an archived course’s package', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.trainer);
    const course = await publishedScormCourse(page);
    await visit(page, `${system.baseUrl}/studio/scorm/${course.activityId}`);
    await page.getByText('golf.zip', { exact: true }).waitFor();

    // A slow uplink (about 256 kB/s) makes the 3 MB upload last long enough to watch.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.getByLabel('New SCORM package (zip)', { exact: true }).setInputFiles({
      name: 'heavy.zip',
      mimeType: 'application/zip',
      buffer: await heavyPackage(3 * 1024 * 1024),
    });
    await page.getByRole('button', { name: 'Upload and replace', exact: true }).focus();
    await page.keyboard.press('Enter');
    const progress = page.getByRole('progressbar', { name: 'Uploading heavy.zip' });
    await progress.waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector('progress');
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    });
    await expect(progress.getAttribute('aria-valuetext')).resolves.toMatch(/^\d+(\.\d)?%: .+ of 3 MB$/);
    await checkAccessibility(page);

    // The button pressed is disabled while sending: focus has moved to Cancel, not to the page's top.
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active instanceof HTMLInputElement ? `input:${active.type}` : (active?.textContent ?? '');
      });
    await expect(focused()).resolves.toBe('Cancel upload');
    await page.keyboard.press('Enter');
    await progress.waitFor({ state: 'detached' });
    await page.getByText('Upload cancelled. Nothing was changed.').first().waitFor({ state: 'attached' });
    // Cancel went away with the upload: focus is back on the file field, ready for another zip.
    await expect(focused()).resolves.toBe('input:file');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const draft = await asPageOk<{ package: { originalName: string }; history: unknown[] }>(
      page,
      'GET',
      `/api/studio/scorm/${course.activityId}`,
    );
    expect(draft.package.originalName).toBe('golf.zip');
    expect(draft.history).toHaveLength(0);

    // An archived course is read-only: said, and nothing can be uploaded.
    await asPageOk(page, 'POST', `/api/studio/courses/${course.courseId}/archive`, {});
    await visit(page, `${system.baseUrl}/studio/scorm/${course.activityId}`);
    await page.getByRole('status').filter({ hasText: 'This course is archived' }).waitFor();
    await expect(page.getByLabel('New SCORM package (zip)', { exact: true }).isDisabled()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('button', { name: 'Upload and replace' }).isDisabled()).resolves.toBe(true);
    await checkAccessibility(page);
  });
});

import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { checkAccessibility, signInToApi, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import {
  DEMO_COURSE_TITLE,
  cohortViaApi,
  mailToDomain,
  officials,
  officialsCsv,
  suffix,
} from './cohort-fixtures';
import { asPageOk } from './studio-api';
import { DEMO, signInToStudio } from './studio-helpers';

/** Delays each GET of an import by a second and a half (the page polls it while work goes on). */
async function slowImportReadings(page: Page) {
  await page.route(/\/api\/studio\/enrolment-imports\/[0-9a-f-]+$/, async (route) => {
    if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
}

interface OutboxPage {
  items: { recipient: string; template: string; language: string }[];
  total: number;
}

describe('journey 2: an institution administrator enrols 300 officials from a spreadsheet', () => {
  const suite = browserSuite();

  it('creates a cohort, uploads a CSV with three bad rows, fixes them, confirms, and the officials are invited', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);

    // A cohort for the demo's published course.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Cohorts' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor();
    await checkAccessibility(page);
    await page.getByRole('link', { name: 'New cohort' }).click();
    await page.getByRole('heading', { level: 1, name: 'New cohort' }).waitFor();
    const name = `Procurement officers ${suffix()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Start date').fill('2026-12-01');
    await page.getByLabel('End date').fill('2027-02-28');
    await page.getByRole('checkbox', { name: DEMO_COURSE_TITLE }).check();
    await page.getByRole('checkbox', { name: /^Renée Trainer/ }).check();
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Create cohort' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await checkAccessibility(page);

    // The template, with its headings in the administrator's language.
    await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
    await page.getByRole('heading', { level: 1, name: `Import people into ${name}` }).waitFor();
    await checkAccessibility(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the template (CSV)' }).click(),
    ]);
    const template = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
    const header = template.split(/\r?\n/)[0]!;
    expect(header).toBe(
      'Email,Given name,Family name,Country,Ministry or department,Job title,Language,Sex,Age band,Disability,Island or region',
    );

    // 300 officials, three of them wrong: a bad address, a duplicate, an unknown country.
    const domain = `officials-${suffix()}.gov.lc`;
    const people = officials(300, domain);
    const wrong = people.map((p) => ({ ...p }));
    wrong[41]!.email = 'official.42.at.finance';
    wrong[120]!.email = wrong[7]!.email;
    wrong[250]!.country = 'Atlantis';
    const picker = page.getByLabel('Spreadsheet file (CSV)');
    await picker.setInputFiles({
      name: 'officials.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(officialsCsv(header, wrong)),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('heading', { level: 2, name: '3. Check the preview of officials.csv' }).waitFor({
      timeout: 60_000,
    });
    // The upload form gave way to the preview: focus is on its heading, not lost at the top of the page.
    await page.waitForFunction(() => document.activeElement?.id === 'import-step-heading');
    const count = (term: string) =>
      page.locator('.import-counts > div').filter({ hasText: term }).locator('dd').textContent();
    await expect(count('Rows with problems')).resolves.toBe('3');
    await expect(count('New accounts')).resolves.toBe('297');
    await expect(count('Already in the cohort')).resolves.toBe('0');

    // Each problem with its spreadsheet line (the header is line 1), its column and what is wrong.
    const problems = page.getByRole('table', { name: 'Rows of officials.csv with problems' });
    const problemRow = (line: number) =>
      problems
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: String(line), exact: true }) });
    await problemRow(43).getByRole('cell', { name: 'Email', exact: true }).waitFor();
    await problemRow(122).getByRole('cell', { name: 'Email', exact: true }).waitFor();
    await problemRow(122).getByText('line 9').waitFor();
    await problemRow(43).getByText('“official.42.at.finance” is not an e-mail address.').waitFor();
    await problemRow(252)
      .getByText(/^“Atlantis” is not a country we know/)
      .waitFor();
    await problemRow(252).getByRole('cell', { name: 'Country', exact: true }).waitFor();
    await expect(problems.getByRole('row').count()).resolves.toBe(4);
    await checkAccessibility(page);

    // Confirming is refused until the rows are fixed or skipped: the administrator fixes them.
    await page.getByRole('button', { name: 'Confirm and enrol' }).click();
    await page
      .getByRole('link', { name: 'Upload a corrected file, or choose to skip the rows with problems.' })
      .waitFor();
    // The checkbox itself is marked invalid and reads the reason with its own words.
    const skip = page.getByRole('checkbox', { name: 'Skip the 3 rows with problems' });
    await expect(skip.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      skip.evaluate((box) =>
        (box.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      ),
    ).resolves.toMatch(
      /^Error: Upload a corrected file, or choose to skip the rows with problems\. Everyone else/,
    );
    await page.getByRole('button', { name: 'Upload a corrected file' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'import-file');
    await page.getByLabel('Spreadsheet file (CSV)').setInputFiles({
      name: 'officials-corrected.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(officialsCsv(header, people)),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page
      .getByRole('heading', { level: 2, name: '3. Check the preview of officials-corrected.csv' })
      .waitFor({ timeout: 60_000 });
    await expect(count('Rows with problems')).resolves.toBe('0');
    await expect(count('New accounts')).resolves.toBe('300');
    await page.getByText('No row has a problem.').waitFor();
    await checkAccessibility(page);

    // Some rows carry reporting fields: the institution vouches that those people agreed.
    await page.getByRole('button', { name: 'Confirm and enrol' }).click();
    const consent = page.getByRole('checkbox', { name: /agreed to give the reporting information/ });
    await consent.waitFor();
    await checkAccessibility(page);
    await consent.check();
    await page.getByRole('button', { name: 'Confirm and enrol' }).click();
    await page
      .getByRole('heading', { level: 2, name: '5. Done: officials-corrected.csv was imported' })
      .waitFor({ timeout: 60_000 });
    await expect(count('Invitations sent')).resolves.toBe('300');
    await expect(count('People enrolled')).resolves.toBe('0');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      '5. Done: officials-corrected.csv was imported',
    );
    await checkAccessibility(page);

    // The history lists both files: the discarded preview and the import.
    const history = page.getByRole('table', { name: 'Files uploaded for this cohort, newest first' });
    await history
      .getByRole('row')
      .filter({ hasText: 'officials-corrected.csv' })
      .getByText('Imported')
      .waitFor();
    await history.getByRole('row').filter({ hasText: 'officials.csv' }).getByText('Discarded').waitFor();

    // The officials are invited in their own language: the platform admin sees the messages in the outbox.
    const admin = await signInToApi(system.baseUrl, DEMO.platformAdmin.email, DEMO.platformAdmin.password);
    for (const [index, expected] of [
      [0, 'en'],
      [41, 'es'],
      [120, 'en'],
      [250, 'fr'],
      [299, 'es'],
    ] as const) {
      const recipient = people[index]!.email;
      let outbox: OutboxPage = { items: [], total: 0 };
      for (let attempt = 0; attempt < 50 && outbox.total === 0; attempt++) {
        outbox = await admin.get<OutboxPage>(`/api/outbox?recipient=${encodeURIComponent(recipient)}`);
        if (outbox.total === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(outbox.items).toEqual([
        expect.objectContaining({ recipient, template: 'invitation', language: expected }),
      ]);
    }
    let mail: Record<string, number> = {};
    for (let attempt = 0; attempt < 50 && (mail.invitation ?? 0) < 300; attempt++) {
      mail = await mailToDomain(system.database.url, domain);
      if ((mail.invitation ?? 0) < 300) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(mail).toEqual({ invitation: 300 });

    // The same file uploaded again would change nothing: everyone is already in the cohort.
    await page.getByRole('button', { name: 'Upload another file' }).click();
    await page.getByLabel('Spreadsheet file (CSV)').setInputFiles({
      name: 'officials-again.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(officialsCsv(header, people)),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page
      .getByRole('heading', { level: 2, name: '3. Check the preview of officials-again.csv' })
      .waitFor({ timeout: 60_000 });
    await expect(count('Already in the cohort')).resolves.toBe('300');
    await expect(count('New accounts')).resolves.toBe('0');
    await page
      .getByText('Everyone in the file is already in the cohort: confirming changes nothing.')
      .waitFor();

    // The cohort page lists them as invited.
    await page.getByRole('link', { name: `Back to ${name}` }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(/· 0 members · 300 invited/).waitFor();
    await visit(page, page.url());
  });
  it('explains a refused file under the picker, and nothing is imported', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Refused files ${suffix()}`);
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}/import`);
    const picker = page.getByLabel('Spreadsheet file (CSV)');
    const error = page.locator('#import-file-error');

    await picker.setInputFiles({
      name: 'photo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0, 0, 0xff]),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await error
      .getByText('This file is not a CSV spreadsheet saved as UTF-8 text.', { exact: false })
      .waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('import-file');
    await checkAccessibility(page);

    await picker.setInputFiles({
      name: 'names-only.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Email,Given name\r\nana@example.gov,Ana\r\n'),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await error.getByText('Some required columns are missing: “Family name”.', { exact: false }).waitFor();

    await picker.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await error.getByText(/no rows|empty/i).waitFor();

    // In Spanish the refusal is said in Spanish, naming the column as the Spanish template does;
    // the API's English wording stays out of it.
    await page.getByLabel('Language', { exact: true }).selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    // The refusal on screen follows the switch, and so does the invitations' language.
    await error.getByText('El archivo no tiene filas.', { exact: false }).waitFor();
    await expect(page.getByLabel('Idioma de las invitaciones').inputValue()).resolves.toBe('es');
    await page.getByLabel('Hoja de cálculo (CSV)').setInputFiles({
      name: 'solo-nombres.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Correo electrónico;Nombre\r\nana@example.gov;Ana\r\n'),
    });
    await page.getByRole('button', { name: 'Subir y revisar' }).click();
    await error.getByText('Faltan columnas obligatorias: «Apellidos».', { exact: false }).waitFor();
    await expect(error.innerText()).resolves.not.toMatch(/\b(the|file|columns?)\b/i);
    await page.getByLabel('Idioma', { exact: true }).selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const people = await page.evaluate(
      async (id) => (await (await fetch(`/api/studio/cohorts/${id}/members`)).json()) as { total: number },
      cohort.id,
    );
    expect(people.total).toBe(0);
  });

  it('shows the result when the preview was confirmed elsewhere meanwhile, instead of an error', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Two tabs ${suffix()}`);
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}/import`);
    const domain = `tabs-${suffix()}.gov.lc`;
    await page.getByLabel('Spreadsheet file (CSV)').setInputFiles({
      name: 'two-tabs.csv',
      mimeType: 'text/csv',
      // Two columns the import does not use: the preview says so in the reader's words.
      buffer: Buffer.from(
        `Email,Given name,Family name,Notes,Phone\r\nana@${domain},Ana,Alexander,VIP,555\r\n`,
      ),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('heading', { level: 2, name: '3. Check the preview of two-tabs.csv' }).waitFor();
    await page.getByText('The columns “Notes” and “Phone” are not used and were ignored.').waitFor();
    // The same preview is confirmed in another tab.
    const importId = new URL(page.url()).searchParams.get('import')!;
    await asPageOk(page, 'POST', `/api/studio/enrolment-imports/${importId}/confirm`, {});
    await page.getByRole('button', { name: 'Confirm and enrol' }).click();
    await page
      .getByRole('heading', { level: 2, name: '5. Done: two-tabs.csv was imported' })
      .waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'import-step-heading');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  it('checks and applies a large file in the background, showing how far it has got', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const cohort = await cohortViaApi(page, `Large intake ${suffix()}`);
    await visit(page, `${system.baseUrl}/studio/cohorts/${cohort.id}/import`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the template (CSV)' }).click(),
    ]);
    const header = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)[0]!;
    const domain = `intake-${suffix()}.gov.lc`;
    const csv = officialsCsv(header, officials(3000, domain));
    expect(csv.length).toBeGreaterThan(128 * 1024);
    // Each reading of the import is slowed down, so its progress stays on screen long enough to see.
    await slowImportReadings(page);

    await page.getByLabel('Spreadsheet file (CSV)').setInputFiles({
      name: 'intake.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('heading', { level: 2, name: 'Checking intake.csv' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Checking intake.csv');
    await page.getByRole('progressbar', { name: 'Rows done' }).waitFor();
    await checkAccessibility(page);
    await page
      .getByRole('heading', { level: 2, name: '3. Check the preview of intake.csv' })
      .waitFor({ timeout: 60_000 });
    // The check finished in the background: the preview takes the place, and the focus, of the progress.
    await page.waitForFunction(
      () => document.activeElement?.textContent === '3. Check the preview of intake.csv',
    );
    const count = (term: string) =>
      page.locator('.import-counts > div').filter({ hasText: term }).locator('dd').textContent();
    await expect(count('New accounts')).resolves.toBe('3,000');

    await page.getByRole('checkbox', { name: /agreed to give the reporting information/ }).check();
    await page.getByRole('button', { name: 'Confirm and enrol' }).click();
    await page.getByRole('heading', { level: 2, name: 'Enrolling the people in intake.csv' }).waitFor();
    await page.getByRole('progressbar', { name: 'Rows done' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: '5. Done: intake.csv was imported' })
      .waitFor({ timeout: 60_000 });
    await expect(count('Invitations sent')).resolves.toBe('3,000');
    await checkAccessibility(page);
  });
});

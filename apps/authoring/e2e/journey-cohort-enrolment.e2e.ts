import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { checkAccessibility, signInToApi, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO_COURSE_TITLE, mailToDomain, officials, officialsCsv, suffix } from './cohort-fixtures';
import { DEMO, signInToStudio } from './studio-helpers';

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
    await problemRow(252).getByRole('cell', { name: 'Country', exact: true }).waitFor();
    await expect(problems.getByRole('row').count()).resolves.toBe(4);
    await checkAccessibility(page);

    // Confirming is refused until the rows are fixed or skipped: the administrator fixes them.
    await page.getByRole('button', { name: 'Confirm and enrol' }).click();
    await page
      .getByRole('link', { name: 'Upload a corrected file, or choose to skip the rows with problems.' })
      .waitFor();
    await page.getByRole('button', { name: 'Upload a corrected file' }).click();
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

    // The cohort page lists them as invited.
    await page.getByRole('link', { name: 'Back to the cohort' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(/· 0 members · 300 invited/).waitFor();
    await visit(page, page.url());
  });
});

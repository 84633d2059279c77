import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi } from './api-helpers';
import { ADMIN, certificateOf, oneLessonCourse, verificationUrlIn } from './certificate-fixtures';
import { newLearner, PASSWORD, type CreatedCourse } from './learning-fixtures';

async function downloaded(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, body: await readFile(await download.path()) };
}

const LEARNER = 'Ana María Pérez-Łukasiewicz';

// PRODUCT.md journey 4, from the learner's side to the employer's: a learner completes a course
// and gets a certificate; an employer follows its printed address and sees it is valid; after an
// administrator revokes it, the same address says revoked and the credential file no longer checks.
describe('journey: a certificate from completion to revocation', () => {
  const suite = browserSuite();
  let course: CreatedCourse;

  beforeAll(async () => {
    course = await oneLessonCourse(suite.system.baseUrl, 'Open Data for Island Governments');
  });

  it('issues a certificate on completion that an employer can verify until it is revoked', async () => {
    const { page, system } = suite;
    const email = await newLearner(system.baseUrl, LEARNER);

    // The learner enrols, reads the only lesson to its end, and so completes the course.
    await visit(page, `${system.baseUrl}/courses/${course.slug}`);
    await page.getByRole('link', { name: 'Sign in to enrol' }).click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${system.baseUrl}/courses/${course.slug}`);
    await page.getByRole('button', { name: 'Enrol in this course' }).click();
    await page.getByRole('link', { name: 'Start the course' }).click();
    await page.waitForURL(`${system.baseUrl}/learn/${course.slug}/${course.modules[0]![0]!}`);
    await page.getByRole('heading', { level: 1, name: 'What a good service feels like' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByText('You have completed this lesson.').waitFor();

    // The course page and the course home of the completed course point to the certificate.
    const learner = await signInToApi(system.baseUrl, email, PASSWORD);
    const { code } = await certificateOf(learner, course.slug);
    await visit(page, `${system.baseUrl}/courses/${course.slug}`);
    await page.getByRole('heading', { level: 3, name: 'Your certificate' }).waitFor();
    await expect(
      page.getByRole('link', { name: 'View your certificate' }).getAttribute('href'),
    ).resolves.toBe(`/verify/${code!}`);
    await visit(page, `${system.baseUrl}/learn/${course.slug}`);
    await page.getByRole('heading', { level: 2, name: 'Your certificate' }).waitFor();
    await page.getByRole('link', { name: 'All my certificates' }).click();
    await page.waitForURL(`${system.baseUrl}/learning/certificates`);
    const entry = page.locator('.certificate-list > li').filter({ hasText: course.title });
    await expect(entry.textContent()).resolves.toContain('Valid certificate');
    await checkAccessibility(page);

    // The PDF, and the address printed on it (the QR code's target).
    const pdf = await downloaded(page, () =>
      entry.getByRole('link', { name: `Download PDF for ${course.title}` }).click(),
    );
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = await verificationUrlIn(pdf.body);
    const credential = await downloaded(page, () =>
      entry.getByRole('link', { name: `Download credential (JSON) for ${course.title}` }).click(),
    );

    // The employer, signed out on a device of their own, opens it: valid. The public server is
    // configured with another host name than this test's port, so the test keeps the path.
    const employer = await suite.anotherPage();
    const checkUrl = `${system.baseUrl}${printed.pathname}`;
    await visit(employer, checkUrl);
    await employer.getByRole('heading', { level: 2, name: 'Valid certificate' }).waitFor();
    await expect(employer.locator('.certificate-details').first().textContent()).resolves.toContain(LEARNER);

    // An administrator revokes it in the Studio, with a reason kept private.
    const admin = await suite.anotherPage();
    await visit(admin, `${system.baseUrl}/studio/courses/${course.id}/certificates`);
    await admin.getByRole('heading', { level: 1, name: 'Sign in to the Studio' }).waitFor();
    await admin.getByLabel('E-mail address').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('heading', { level: 1, name: `Issued certificates: ${course.title}` }).waitFor();
    await checkAccessibility(admin);
    const row = admin
      .getByRole('table', { name: 'Certificates of this course' })
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: LEARNER }) });
    await row.getByRole('button', { name: `Revoke ${LEARNER}’s certificate` }).click();
    const revoke = admin.getByRole('dialog', { name: `Revoke ${LEARNER}’s certificate?` });
    await revoke
      .getByLabel('Reason', { exact: true })
      .fill('The completion was recorded for the wrong person.');
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await revoke.waitFor({ state: 'hidden' });
    await row.getByText(/^Revoked on /).waitFor();

    // The same address now says revoked (and keeps the reason private) …
    await visit(employer, checkUrl);
    const banner = employer.locator('.certificate-banner');
    await banner.getByRole('heading', { level: 2, name: 'Revoked certificate' }).waitFor();
    await expect(banner.textContent()).resolves.not.toContain('wrong person');

    // … and the credential file's status check, done in the employer's browser, fails as revoked.
    await employer.getByLabel('Credential file', { exact: true }).setInputFiles({
      name: credential.download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: credential.body,
    });
    const verdict = employer.getByRole('region', { name: 'Check a credential file' });
    await verdict.getByRole('heading', { name: 'Revoked credential' }).waitFor();
    await verdict.getByText('the issuer has revoked this credential').waitFor();
    await checkAccessibility(employer);
  });
});

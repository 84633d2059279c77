import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { checkAccessibility, visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { signInToApi } from './api-helpers';
import {
  ADMIN,
  learnerWhoCompleted,
  learnerWithCertificate,
  oneLessonCourse,
  requireApproval,
  tampered,
} from './certificate-fixtures';
import { newLearner, PASSWORD, type CreatedCourse } from './learning-fixtures';

/** XXXX-XXXX-XXXX-XXXX, whichever form the code came in. */
const dashed = (code: string) => code.replace(/-/g, '').match(/.{4}/g)!.join('-');
const undashed = (code: string) => code.replace(/-/g, '');

async function downloaded(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, body: await readFile(path) };
}

async function checkFile(page: Page, name: string, content: string) {
  await page.getByLabel('Credential file', { exact: true }).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
}

describe('certificates: public verification, credential files and My certificates', () => {
  const suite = browserSuite();
  let course: CreatedCourse;

  beforeAll(async () => {
    course = await oneLessonCourse(suite.system.baseUrl, 'Trustworthy Public Records');
  });

  it('shows a valid certificate and checks its credential file in the browser, refusing a changed one', async () => {
    const { page, system } = suite;
    const { certificate } = await learnerWithCertificate(system.baseUrl, course, 'Marie-Thérèse Joseph');
    const code = certificate.code!;

    // The page answers to the printed form of the code (the revoked one below: the stored one).
    await visit(page, `${system.baseUrl}/verify/${dashed(code)}`);
    await page.getByRole('heading', { level: 1, name: `Certificate ${dashed(code)}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Valid certificate' }).waitFor();
    const details = page.locator('.certificate-details').first();
    await expect(details.textContent()).resolves.toContain('Marie-Thérèse Joseph');
    await expect(details.textContent()).resolves.toContain(course.title);

    const pdf = await downloaded(page, () =>
      page.getByRole('link', { name: 'Download the certificate (PDF)' }).click(),
    );
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const json = await downloaded(page, () =>
      page.getByRole('link', { name: 'Download the signed credential (JSON)' }).click(),
    );
    const file = json.body.toString('utf8');
    expect(JSON.parse(file)).toMatchObject({ type: 'EnvelopedVerifiableCredential' });

    // The genuine file: valid, with what it says about its holder.
    await checkFile(page, json.download.suggestedFilename(), file);
    const verdict = page.getByRole('region', { name: 'Check a credential file' });
    await verdict.getByRole('heading', { name: 'Valid credential' }).waitFor();
    await expect(verdict.textContent()).resolves.toContain('Marie-Thérèse Joseph');
    await expect(verdict.textContent()).resolves.toContain(course.title);
    await checkAccessibility(page);

    // One changed character: the signature no longer matches, and the page says so.
    await checkFile(page, 'changed.json', tampered(file));
    await verdict.getByRole('heading', { name: 'Signature invalid' }).waitFor();
    await verdict.getByText('The signature does not match the credential').waitFor();
    // The compact JWS alone (a .jwt file) is accepted too.
    const jws = (JSON.parse(file) as { id: string }).id.split(',')[1]!;
    await checkFile(page, 'certificate.jwt', jws);
    await verdict.getByRole('heading', { name: 'Valid credential' }).waitFor();
    // Something that is not a credential at all.
    await checkFile(page, 'notes.json', '{"hello": "world"}');
    await verdict.getByRole('heading', { name: 'Signature invalid' }).waitFor();
    await verdict.getByText('The file is not a signed credential').waitFor();
    await checkAccessibility(page);
  });

  it('shows a revoked certificate with its date and public reason', async () => {
    const { page, system } = suite;
    const { certificate } = await learnerWithCertificate(system.baseUrl, course, 'Kwame Baptiste');
    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    await admin.post(`/api/studio/certificates/${certificate.id}/revoke`, {
      reason: 'Issued in error to the wrong cohort.',
      reasonPublic: true,
    });
    await visit(page, `${system.baseUrl}/verify/${undashed(certificate.code!)}`);
    const banner = page.locator('.certificate-banner');
    await banner.getByRole('heading', { level: 2, name: 'Revoked certificate' }).waitFor();
    await expect(banner.textContent()).resolves.toMatch(/revoked on [A-Z][a-z]+ \d{1,2}, \d{4}\./);
    await banner.getByText('Reason given: Issued in error to the wrong cohort.').waitFor();
  });

  it('shows a superseded certificate after a re-issue, in the language the visitor picks', async () => {
    const { page, system } = suite;
    const { certificate } = await learnerWithCertificate(system.baseUrl, course, 'Jon Pierre');
    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    await admin.post(`/api/studio/certificates/${certificate.id}/reissue`, {
      learnerName: 'Jean-Pierre Louis',
      reason: 'The learner corrected their name.',
    });
    await visit(page, `${system.baseUrl}/verify/${undashed(certificate.code!)}`);
    const banner = page.locator('.certificate-banner');
    await banner.getByRole('heading', { level: 2, name: 'Superseded certificate' }).waitFor();
    await banner.getByText(/replaced by a corrected one on/).waitFor();

    // The page's strings follow a language switch (they are loaded with the page, per language).
    await page.getByLabel('Language').selectOption('es');
    await banner.getByRole('heading', { level: 2, name: 'Certificado sustituido' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Comprobar un archivo de credencial' }).waitFor();
    await checkAccessibility(page);
    await page.getByLabel('Idioma').selectOption('fr');
    await banner.getByRole('heading', { level: 2, name: 'Certificat remplacé' }).waitFor();
    await page.getByLabel('Langue').selectOption('en');
  });

  it('answers an unknown code with the plain not-found page', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/verify/0000-0000-0000-0000`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expect(page.getByText(/certificate/i).count()).resolves.toBe(0);
    await visit(page, `${system.baseUrl}/verify/not-a-code`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  it('lists the learner’s certificates with downloads and a share link', async () => {
    const { page, system } = suite;
    const { email, certificate } = await learnerWithCertificate(system.baseUrl, course, 'Aaliyah Charles');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: system.baseUrl });

    await visit(page, `${system.baseUrl}/learning`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${system.baseUrl}/learning`);
    await page.getByRole('link', { name: 'My certificates' }).click();
    await page.waitForURL(`${system.baseUrl}/learning/certificates`);
    await page.getByRole('heading', { level: 1, name: 'My certificates' }).waitFor();
    await visit(page, page.url());

    const entry = page.locator('.certificate-list > li').filter({ hasText: course.title });
    await expect(entry.textContent()).resolves.toContain('Valid certificate');
    await expect(entry.textContent()).resolves.toContain(dashed(certificate.code!));

    const pdf = await downloaded(page, () =>
      entry.getByRole('link', { name: `Download PDF for ${course.title}` }).click(),
    );
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const json = await downloaded(page, () =>
      entry.getByRole('link', { name: `Download credential (JSON) for ${course.title}` }).click(),
    );
    expect(JSON.parse(json.body.toString('utf8'))).toMatchObject({ type: 'EnvelopedVerifiableCredential' });

    // From the keyboard: the button takes focus and Enter presses it.
    await entry.getByRole('button', { name: `Copy share link for ${course.title}` }).focus();
    await page.keyboard.press('Enter');
    await entry.getByText('Share link copied to the clipboard.').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      certificate.verificationUrl,
    );
    await page.locator('[aria-live="polite"]').filter({ hasText: 'Share link copied' }).waitFor();

    const linkedIn = entry.getByRole('link', { name: /^Add to LinkedIn profile/ });
    await expect(linkedIn.getAttribute('href')).resolves.toMatch(/^https:\/\/www\.linkedin\.com\//);
    await expect(linkedIn.getAttribute('target')).resolves.toBe('_blank');
    await expect(linkedIn.textContent()).resolves.toContain('opens LinkedIn');
    await checkAccessibility(page);
  });

  it('tells a learner whose certificate awaits approval, on the list and on the course home', async () => {
    const { page, system } = suite;
    const held = await oneLessonCourse(system.baseUrl, 'Records Held for Approval');
    await requireApproval(system.baseUrl, held);
    const { email } = await learnerWhoCompleted(system.baseUrl, held, 'Shanice Edwards');
    await visit(page, `${system.baseUrl}/learning/certificates`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${system.baseUrl}/learning/certificates`);
    const entry = page.locator('.certificate-list > li').filter({ hasText: held.title });
    await entry.getByText('Awaiting approval', { exact: true }).waitFor();
    await expect(entry.getByRole('link').count()).resolves.toBe(0);
    await visit(page, page.url());
    await visit(page, `${system.baseUrl}/learn/${held.slug}`);
    await page.getByText('Your certificate is awaiting approval.').waitFor();
  });

  it('shows a learner without certificates what to expect', async () => {
    const { page, system } = suite;
    const email = await newLearner(system.baseUrl, 'Nia Prince');
    await visit(page, `${system.baseUrl}/learning/certificates`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${system.baseUrl}/learning/certificates`);
    await page.getByText('You have no certificates yet.', { exact: false }).waitFor();
    await visit(page, page.url());
  });

  // Last in the file: it spends this browser's allowance of checks.
  it('asks politely to wait when one address checks too many codes', async () => {
    const { page, system } = suite;
    // Someone at this address walks through codes (one more token a second refills the bucket,
    // so they keep going while the page loads); then checks one more code in the page.
    let walking = true;
    const walk = (async () => {
      for (let i = 0; walking; i += 1) {
        await fetch(`${system.baseUrl}/api/verify/ZZZZ-ZZZZ-ZZZZ-${String(i % 10000).padStart(4, '0')}`);
        if (i > 40) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await visit(page, `${system.baseUrl}/verify/0000-0000-0000-0002`);
      await page.getByRole('heading', { level: 2, name: 'Too many checks' }).waitFor();
      await page.getByText('Please try again in a minute.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Try again' }).waitFor();
    } finally {
      walking = false;
      await walk;
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';

const LEARNER = {
  email: 'learner@demo.archipelago.local',
  password: 'demo-learner-password',
  name: 'Devon Learner',
};

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in and out of the learner app', () => {
  const suite = browserSuite();

  it('signs the demo learner in, shows their name, and signs them out again', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(`${system.baseUrl}/sign-in`);
    // The URL changes first; the page's code may still be on its way over a slow link.
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(page.title()).resolves.toBe('Sign in — Archipelago');
    await fillSignIn(page, LEARNER.email, LEARNER.password);

    await page.waitForURL(`${system.baseUrl}/`);
    await nav.getByText(LEARNER.name).waitFor();
    await nav.getByRole('link', { name: 'My account' }).waitFor();
    // A learner has no Studio: the link is there only for trainers and administrators.
    await expect(nav.getByRole('link', { name: 'Studio' }).count()).resolves.toBe(0);
    await visit(page, `${system.baseUrl}/`);

    await nav.getByRole('button', { name: 'Sign out' }).click();
    await nav.getByRole('link', { name: 'Sign in' }).waitFor();
    await expect(nav.getByText(LEARNER.name).count()).resolves.toBe(0);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
  });

  it('shows an error summary, focused, after a wrong password and keeps the e-mail typed', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/sign-in`);
    await fillSignIn(page, LEARNER.email, 'not-the-right-password');
    const summary = page.getByRole('heading', { name: 'There is a problem' });
    await summary.waitFor();
    await page.getByText('The e-mail address or password is not right').first().waitFor();
    const focusedIsSummary = await page.evaluate(() =>
      document.activeElement?.classList.contains('arch-error-summary'),
    );
    expect(focusedIsSummary).toBe(true);
    await expect(page.getByLabel('E-mail address').inputValue()).resolves.toBe(LEARNER.email);
    await expect(page.getByLabel('E-mail address').getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary's link takes keyboard users to the field in error.
    await page.getByRole('link', { name: /The e-mail address or password is not right/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-email');
    await visit(page, page.url());
  });

  it('asks for missing details before sending anything', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Enter your e-mail address' }).waitFor();
    await page.getByRole('link', { name: 'Enter your password' }).waitFor();
    await visit(page, page.url());
  });

  it('sends a signed-out visitor from an account page to sign in, and back there afterwards', async () => {
    const { page, system } = suite;
    await page.goto(`${system.baseUrl}/account/security`, { waitUntil: 'networkidle' });
    await page.waitForURL(`${system.baseUrl}/sign-in?next=%2Faccount%2Fsecurity`);
    await fillSignIn(page, LEARNER.email, LEARNER.password);
    await page.waitForURL(`${system.baseUrl}/account/security`);
    await page.getByRole('heading', { level: 1, name: 'Sign-in and security' }).waitFor();
  });

  it('ignores a "next" address that leaves the app', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/sign-in?next=${encodeURIComponent('//example.org/phish')}`);
    await fillSignIn(page, LEARNER.email, LEARNER.password);
    await page.waitForURL(`${system.baseUrl}/`);
  });
});

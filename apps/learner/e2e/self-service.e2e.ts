import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { mailedLink, signInToApi } from './api-helpers';

const ADMIN = { email: 'admin@demo.archipelago.local', password: 'demo-admin-password' };
const PASSWORD = 'a long walk along the Rodney Bay shore';

const newEmail = () => `officer-${randomUUID().slice(0, 8)}@example.gov`;

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Creates an account through the public sign-up endpoint, as someone who signed up earlier. */
async function existingAccount(baseUrl: string, name: string): Promise<string> {
  const email = newEmail();
  const response = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({ email, password: PASSWORD, displayName: name, preferredLanguage: 'en' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return email;
}

describe('self-service account pages', () => {
  const suite = browserSuite();

  it('creates an account, lands signed in, and confirms the e-mail address with the mailed link', async () => {
    const { page, system } = suite;
    const email = newEmail();
    await visit(page, `${system.baseUrl}/sign-up`);
    await page.getByLabel('Full name').fill('Keisha Charles');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Keisha Charles').waitFor();
    await visit(page, page.url());

    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    const link = await mailedLink(admin, email, '/verify-email');
    await visit(page, `${system.baseUrl}${link}`);
    await page.getByRole('heading', { name: 'Your e-mail address is confirmed' }).waitFor();
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    expect(me.user.emailVerified).toBe(true);
  });

  it('changes the password, after which only the new one signs in', async () => {
    const { page, system } = suite;
    const email = await existingAccount(system.baseUrl, 'Marlon Joseph');
    await visit(page, `${system.baseUrl}/sign-in?next=%2Faccount%2Fsecurity`);
    await signIn(page, email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Sign-in and security' }).waitFor();
    await visit(page, page.url());
    const form = page.getByRole('region', { name: 'Change your password' });
    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByLabel('New password').fill('green hills over the Essequibo river');
    await form.getByRole('button', { name: 'Change my password' }).click();
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor();

    const old = await fetch(`${system.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.251' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(old.status).toBe(401);
    await signInToApi(system.baseUrl, email, 'green hills over the Essequibo river');
  });

  it('deletes the account after the password is confirmed, signing the person out for good', async () => {
    const { page, system } = suite;
    const email = await existingAccount(system.baseUrl, 'Ana Bethel');
    await visit(page, `${system.baseUrl}/sign-in?next=%2Faccount%2Fprivacy`);
    await signIn(page, email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Privacy and data' }).waitFor();
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.waitFor();
    await dialog.getByLabel('Current password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${system.baseUrl}/`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Sign in' })
      .waitFor();
    await visit(page, page.url());
    expect(await page.evaluate(() => fetch('/api/me').then((r) => r.status))).toBe(401);

    await visit(page, `${system.baseUrl}/sign-in`);
    await signIn(page, email, PASSWORD);
    await page.getByText('The e-mail address or password is not right').first().waitFor();
  });
});

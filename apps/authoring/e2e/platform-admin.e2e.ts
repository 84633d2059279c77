import { describe, expect, it } from '@jest/globals';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO, signInToStudio } from './studio-helpers';

describe('studio: platform admin', () => {
  const suite = browserSuite();

  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin, '/studio/outbox');
    await page.waitForURL(`${system.baseUrl}/studio/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await expect(page.title()).resolves.toBe('Outbox — Archipelago');
  });

  it('explains a wrong password in an error summary', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/studio/sign-in`);
    await page.getByLabel('E-mail address').fill(DEMO.platformAdmin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('heading', { name: 'There is a problem' });
    await summary.waitFor();
    await page.getByRole('link', { name: 'The e-mail address or password is not right' }).waitFor();
    await visit(page, page.url());
  });

  it('reads the outbox and the audit log, sees its own sign-in, and signs out', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    await nav.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page.getByRole('button', { name: 'Apply filters' }).waitFor();
    await visit(page, page.url());

    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByLabel('Action').fill('auth.sign_in');
    await page.getByLabel('E-mail address of the person who acted').fill(DEMO.platformAdmin.email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=auth.sign_in/);
    const events = page.getByRole('table', { name: 'Events, newest first' });
    await events.getByRole('row').nth(1).getByText(DEMO.platformAdmin.email).waitFor();
    await expect(
      events.getByRole('cell', { name: 'auth.sign_in', exact: true }).count(),
    ).resolves.toBeGreaterThan(0);
    await visit(page, page.url());

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the Studio' }).waitFor();
    await visit(page, `${system.baseUrl}/studio/audit`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to the Studio' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/audit');
  });

  it('closes sign-up in the settings and adds an institution', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    await nav.getByRole('link', { name: 'Settings' }).click();
    const toggle = page.getByLabel('Allow anyone to create an account');
    const before = await toggle.isChecked();
    await toggle.setChecked(!before);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor({ state: 'attached' });
    await visit(page, page.url());
    await expect(page.getByLabel('Allow anyone to create an account').isChecked()).resolves.toBe(!before);

    await nav.getByRole('link', { name: 'Institutions' }).click();
    await page.getByRole('link', { name: 'Add an institution' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add an institution' }).waitFor();
    await page.getByRole('button', { name: 'Add an institution' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await visit(page, page.url());
    await page.getByLabel('Name', { exact: true }).fill('Guyana Ministry of the Public Service (e2e)');
    await page.getByLabel('Address name').fill('gy-ministry-public-service-e2e');
    await page.getByLabel('Country code').fill('gy');
    await page.getByLabel('Kind of institution').selectOption('ministry');
    await page.getByRole('button', { name: 'Add an institution' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Guyana Ministry of the Public Service (e2e)' })
      .waitFor();
    await page.getByText('Guyana', { exact: true }).waitFor();
    await visit(page, page.url());

    // Invite someone there, then read the message in the outbox.
    const email = 'first.admin@example.org';
    const invite = page.getByRole('region', { name: 'Invite people' });
    await invite.getByLabel('E-mail address').fill(email);
    await invite.getByLabel('Role').selectOption('institution_admin');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('row').filter({ hasText: email }).waitFor();

    await nav.getByRole('link', { name: 'Outbox' }).click();
    await page.getByLabel("Recipient's e-mail address").fill(email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/recipient=/);
    const messages = page.getByRole('table', { name: 'Messages, newest first' });
    await messages.getByRole('row').filter({ hasText: email }).waitFor();
    await expect(messages.getByRole('row').count()).resolves.toBe(2);
    await messages.getByRole('row').nth(1).getByRole('link').click();
    await page.getByRole('heading', { name: 'Message text' }).waitFor();
    const body = page.locator('pre');
    await expect(body.getByRole('link').first().getAttribute('href')).resolves.toMatch(/^http/);
    await expect(page.title()).resolves.toBe('Outbox message — Archipelago');
    await visit(page, page.url());
  });
});

import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO, signInToStudio } from './studio-helpers';

const INSTITUTION = 'Saint Lucia Public Service Training Centre (demo)';

/** The invitation link last mailed to the address, as a path on the system under test. */
async function invitationLink(databaseUrl: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ text_body: string }>(
      `SELECT text_body FROM mail_message WHERE recipient = $1 AND template = 'invitation' ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const link = /https?:\/\/\S+\/invitations\/accept\?token=\S+/.exec(rows[0]?.text_body ?? '')?.[0];
    if (!link) throw new Error(`no invitation mailed to ${email}`);
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  } finally {
    await client.end();
  }
}

async function invite(page: Page, email: string, role: 'trainer' | 'institution_admin') {
  const form = page.getByRole('region', { name: 'Invite people' });
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByRole('row').filter({ hasText: email }).waitFor();
}

/** The invitee opens the mailed link in their own browser, creates the account and lands signed in. */
async function accept(page: Page, baseUrl: string, link: string, name: string) {
  await visit(page, `${baseUrl}${link}`);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(`breadfruit-${randomBytes(6).toString('hex')}`);
  await page.getByRole('button', { name: 'Create my account and join' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByText(name).waitFor();
}

const status = (page: Page, path: string) => page.evaluate(async (url) => (await fetch(url)).status, path);

describe('from invitation to the Studio: each role sees only what it may', () => {
  const suite = browserSuite();

  it('a platform admin invites a trainer and an institution admin, who accept, sign in and get their own rights', async () => {
    const { page, system } = suite;
    const tag = randomBytes(4).toString('hex');
    const trainerEmail = `trainer.${tag}@gov.lc`;
    const adminEmail = `admin.${tag}@gov.lc`;

    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Institutions' }).click();
    await page.getByRole('link', { name: INSTITUTION }).click();
    await page.getByRole('heading', { level: 1, name: INSTITUTION }).waitFor();
    await invite(page, trainerEmail, 'trainer');
    await invite(page, adminEmail, 'institution_admin');
    await visit(page, page.url());

    // Each invitee in a browser of their own.
    const trainerContext = await page.context().browser()!.newContext();
    const trainer = await trainerContext.newPage();
    await accept(
      trainer,
      system.baseUrl,
      await invitationLink(system.database.url, trainerEmail),
      'Trainer Invitee',
    );
    await visit(trainer, `${system.baseUrl}/studio/`);
    const trainerNav = trainer.getByRole('navigation', { name: 'Main navigation' });
    await trainerNav.getByRole('link', { name: 'Studio home' }).waitFor();
    expect(await trainerNav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await trainerNav.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    expect(await status(trainer, '/api/users')).toBe(403);
    expect(await status(trainer, '/api/audit-events')).toBe(403);

    const adminContext = await page.context().browser()!.newContext();
    const admin = await adminContext.newPage();
    await accept(
      admin,
      system.baseUrl,
      await invitationLink(system.database.url, adminEmail),
      'Admin Invitee',
    );
    await visit(admin, `${system.baseUrl}/studio/`);
    const adminNav = admin.getByRole('navigation', { name: 'Main navigation' });
    await adminNav.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await admin.getByRole('link', { name: 'Trainer Invitee' }).waitFor();
    await visit(admin, admin.url());
    expect(await adminNav.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    expect(await status(admin, '/api/users')).toBe(200);
    expect(await status(admin, '/api/outbox')).toBe(403);

    await trainerContext.close();
    await adminContext.close();
  });
});

import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO, signInToStudio } from './studio-helpers';

const INSTITUTION = 'Saint Lucia Public Service Training Centre (demo)';

/** The stored messages to one address; the outbox page is for platform admins, so read the table. */
async function mailTo(databaseUrl: string, recipient: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ template: string; language: string; subject: string }>(
      'SELECT template, language, subject FROM mail_message WHERE recipient = $1',
      [recipient],
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('studio: institution admin', () => {
  const suite = browserSuite();

  it('invites a trainer and sees the invitation listed and the message stored', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Outbox' }).count()).resolves.toBe(0);

    await nav.getByRole('link', { name: 'Institutions' }).click();
    await page.getByRole('link', { name: INSTITUTION }).click();
    await page.getByRole('heading', { level: 1, name: INSTITUTION }).waitFor();
    await page.getByRole('table', { name: `Members of ${INSTITUTION}` }).waitFor();
    await visit(page, page.url());

    const email = `new.trainer.${randomBytes(4).toString('hex')}@example.org`;
    const form = page.getByRole('region', { name: 'Invite people' });
    await form.getByLabel('E-mail address').fill(email);
    await form.getByLabel('Role').selectOption('trainer');
    await form.getByLabel('Language of the invitation').selectOption('es');
    await form.getByRole('button', { name: 'Send invitation' }).click();

    const invitations = page.getByRole('table', { name: `Invitations to ${INSTITUTION}, newest first` });
    const row = invitations.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    await expect(row.getByRole('cell', { name: 'Trainer', exact: true }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: 'Open', exact: true }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: 'Español', exact: true }).count()).resolves.toBe(1);
    await visit(page, page.url());

    const mail = await mailTo(system.database.url, email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: 'invitation', language: 'es' });
  });

  it("changes a member's role", async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Institutions' })
      .click();
    await page.getByRole('link', { name: INSTITUTION }).click();
    const context = `Renée Trainer in ${INSTITUTION}`;
    const role = page.getByLabel(`Role of ${context}`, { exact: true });
    await expect(role.inputValue()).resolves.toBe('trainer');
    await role.selectOption('institution_admin');
    await page.getByRole('button', { name: `Save role (${context})` }).click();
    await page
      .getByText(`Role of ${context} changed to Institution administrator.`)
      .waitFor({ state: 'attached' });

    await visit(page, page.url());
    await expect(page.getByLabel(`Role of ${context}`, { exact: true }).inputValue()).resolves.toBe(
      'institution_admin',
    );
  });

  it('deactivates a user after confirming', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.institutionAdmin);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Users' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByLabel('Name or e-mail address').fill('trainer@demo');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: 'Renée Trainer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renée Trainer' }).waitFor();
    await visit(page, page.url());

    await page.getByRole('button', { name: 'Deactivate account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate the account of Renée Trainer?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Deactivate account' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Reactivate account' }).waitFor();
    await expect(page.getByRole('definition').filter({ hasText: 'Deactivated' }).count()).resolves.toBe(1);
    await visit(page, page.url());
  });
});

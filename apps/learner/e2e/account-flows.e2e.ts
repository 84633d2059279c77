import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { mailedLink, signInToApi } from './api-helpers';

const ADMIN = { email: 'admin@demo.archipelago.local', password: 'demo-admin-password' };
const INSTITUTION_ADMIN = {
  email: 'institution-admin@demo.archipelago.local',
  password: 'demo-institution-password',
};
const TRAINER = { email: 'trainer@demo.archipelago.local', name: 'Renée Trainer' };
const LEARNER = {
  email: 'learner@demo.archipelago.local',
  password: 'demo-learner-password',
  name: 'Devon Learner',
};
const SAINT_LUCIA_CENTRE = 'Saint Lucia Public Service Training Centre (demo)';

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('account flows in the learner app', () => {
  const suite = browserSuite();

  it('resets a forgotten password with the link from the outbox, then signs in with it', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${system.baseUrl}/forgot-password`);
    // Client-side navigation keeps the old page up until the new one's code arrives.
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByLabel('E-mail address').fill(TRAINER.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your e-mail' }).waitFor();
    await visit(page, page.url());

    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    const link = await mailedLink(admin, TRAINER.email, '/reset-password');
    await visit(page, `${system.baseUrl}${link}`);
    const newPassword = 'harbour-lantern-breadfruit-42';
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password has been changed' }).waitFor();
    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(page, TRAINER.email, newPassword);
    await page.waitForURL(`${system.baseUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByText(TRAINER.name).waitFor();
    // Trainers work in the Studio, so their navigation leads there.
    await expect(nav.getByRole('link', { name: 'Studio' }).getAttribute('href')).resolves.toBe('/studio/');

    // The link works once.
    await visit(page, `${system.baseUrl}${link}`);
    await page.getByLabel('New password').fill('another-harbour-lantern-43');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
  });

  it('creates an account from an institution invitation and lands signed in as a member', async () => {
    const { page, system } = suite;
    const institutionAdmin = await signInToApi(
      system.baseUrl,
      INSTITUTION_ADMIN.email,
      INSTITUTION_ADMIN.password,
    );
    const institutions = await institutionAdmin.get<{ items: { id: string; name: string }[] }>(
      '/api/institutions?country=LC',
    );
    const centre = institutions.items.find((item) => item.name === SAINT_LUCIA_CENTRE);
    expect(centre).toBeDefined();
    const email = `new.learner.${Date.now()}@gov.lc`;
    await institutionAdmin.post(`/api/institutions/${centre!.id}/invitations`, { email, role: 'learner' });

    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    const link = await mailedLink(admin, email, '/invitations/accept');
    await visit(page, `${system.baseUrl}${link}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your invitation');
    await page.getByText(`You are invited to join ${SAINT_LUCIA_CENTRE} as a learner.`).waitFor();
    await page.getByText(email).waitFor();

    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page.getByRole('link', { name: 'Enter your full name' }).waitFor();
    await page.getByLabel('Full name').fill('Keisha Joseph');
    await page.getByLabel('Password', { exact: true }).fill('mango-season-trade-winds-7');
    await page.getByRole('button', { name: 'Create my account and join' }).click();

    await page.waitForURL(`${system.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Keisha Joseph').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me.memberships).toEqual([
      expect.objectContaining({ institutionName: SAINT_LUCIA_CENTRE, role: 'learner' }),
    ]);
    await visit(page, page.url());
  });

  it('starts the sign-up form with the name the administrator gave when inviting into a cohort', async () => {
    const { page, system } = suite;
    const institutionAdmin = await signInToApi(
      system.baseUrl,
      INSTITUTION_ADMIN.email,
      INSTITUTION_ADMIN.password,
    );
    const institutions = await institutionAdmin.get<{ items: { id: string; name: string }[] }>(
      '/api/institutions?country=LC',
    );
    const centre = institutions.items.find((item) => item.name === SAINT_LUCIA_CENTRE)!;
    const cohort = await institutionAdmin.post<{ id: string }>('/api/studio/cohorts', {
      institutionId: centre.id,
      name: `Budget officers ${Date.now()}`,
      courseIds: [],
      facilitatorIds: [],
    });
    const email = `cohort.invitee.${Date.now()}@gov.lc`;
    await institutionAdmin.post(`/api/studio/cohorts/${cohort.id}/members`, {
      email,
      givenName: 'Marie-Thérèse',
      familyName: 'Joseph',
      language: 'en',
    });

    const admin = await signInToApi(system.baseUrl, ADMIN.email, ADMIN.password);
    const link = await mailedLink(admin, email, '/invitations/accept');
    await visit(page, `${system.baseUrl}${link}`);
    await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Marie-Thérèse Joseph');
    await page.getByLabel('Password', { exact: true }).fill('mango-season-trade-winds-8');
    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page.waitForURL(`${system.baseUrl}/`);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByText('Marie-Thérèse Joseph')
      .waitFor();
    const members = await institutionAdmin.get<{ items: { kind: string; email: string }[] }>(
      `/api/studio/cohorts/${cohort.id}/members`,
    );
    expect(members.items).toEqual([expect.objectContaining({ kind: 'member', email })]);
  });

  it('explains an invitation link that does not work', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/invitations/accept?token=not-a-real-token`);
    await page.getByRole('heading', { name: 'This invitation no longer works' }).waitFor();
  });

  it('lets a learner update their profile, reporting answers and see their sessions', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/sign-in?next=%2Faccount`);
    await signIn(page, LEARNER.email, LEARNER.password);
    await page.waitForURL(`${system.baseUrl}/account`);
    await page.getByLabel('Job title').waitFor();
    await visit(page, page.url());
    await page.getByLabel('Job title').fill('Policy analyst');
    await page.getByRole('button', { name: 'Save my details' }).click();
    await page.getByRole('heading', { name: 'Your details have been saved' }).waitFor();

    await page
      .getByRole('navigation', { name: 'Account sections' })
      .getByRole('link', { name: 'Privacy and data' })
      .click();
    await page.getByLabel('Age group').waitFor();
    await visit(page, page.url());
    await page.getByLabel('Age group').selectOption('35_44');
    await page.getByRole('button', { name: 'Save my answers' }).click();
    // Nothing is stored without consent: the summary says so and points at the box.
    await page.getByRole('link', { name: 'Tick the box to agree before saving these answers' }).waitFor();
    await page.getByLabel('I agree that these answers may be used for anonymous, combined reports.').check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('heading', { name: 'Your answers have been saved' }).waitFor();
    await page.getByRole('link', { name: 'Download my data' }).waitFor();
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByRole('dialog', { name: 'Delete your account?' }).waitFor();
    await page.getByRole('button', { name: 'Keep my account' }).click();

    await visit(page, `${system.baseUrl}/account/security`);
    await page.getByRole('heading', { level: 3, name: /this device/ }).waitFor();
    await visit(page, page.url());
  });
});

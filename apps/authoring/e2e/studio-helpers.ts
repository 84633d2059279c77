import type { Page } from 'playwright-core';
import { visit } from '@archipelago/testing';

export const DEMO = {
  platformAdmin: { email: 'admin@demo.archipelago.local', password: 'demo-admin-password' },
  institutionAdmin: {
    email: 'institution-admin@demo.archipelago.local',
    password: 'demo-institution-password',
  },
  learner: { email: 'learner@demo.archipelago.local', password: 'demo-learner-password' },
  trainer: { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' },
} as const;

/** Signs in through the Studio's own form, starting from `path` (which sends a signed-out person there). */
export async function signInToStudio(
  page: Page,
  baseUrl: string,
  account: { email: string; password: string },
  path = '/studio/',
): Promise<void> {
  await visit(page, `${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: 'Sign in to the Studio' }).waitFor();
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Moves along the lesson editor's toolbar with the arrow keys until the named button has focus. */
export async function arrowTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => document.activeElement?.textContent ?? '')) === name) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no toolbar button "${name}"`);
}

import { chromium, type Browser, type Page } from 'playwright-core';
import { checkAccessibility } from './accessibility.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Opens the URL, waits for the page to settle, and fails on any accessibility violation. Every page
 * has a level-one heading once it has rendered; on a busy machine the network can be idle before
 * a lazily loaded page has rendered it, so the check waits for it too.
 */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined); // axe reports a page without one
  await checkAccessibility(page);
}

import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startSystem, type RunningSystem } from './system.js';

export interface BrowserSuite {
  /** The running system (started once for the file). */
  readonly system: RunningSystem;
  /** A fresh page for the current test. */
  readonly page: Page;
  /** Another page in a browser context of its own (another person, or the same one on another device); closed after the test. */
  anotherPage(): Promise<Page>;
}

/**
 * Registers the hooks every browser test file needs: the whole system and Chromium once per file,
 * a new page per test, everything stopped at the end. Call it at the top of a describe block.
 */
export function browserSuite(): BrowserSuite {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const extraPages: Page[] = [];
  beforeAll(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    page = await browser!.newPage();
  });
  afterEach(async () => {
    await page?.close();
    for (const extra of extraPages.splice(0)) await extra.close();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });
  return {
    get system() {
      if (!system) throw new Error('The system is not running: use browserSuite() inside describe()');
      return system;
    },
    async anotherPage() {
      if (!browser) throw new Error('No browser: browserSuite().anotherPage is only available inside a test');
      const extra = await browser.newPage();
      extraPages.push(extra);
      return extra;
    },
    get page() {
      if (!page) throw new Error('No page: browserSuite().page is only available inside a test');
      return page;
    },
  };
}

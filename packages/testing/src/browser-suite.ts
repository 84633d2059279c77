import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startSystem, type RunningSystem } from './system.js';

export interface BrowserSuite {
  /** The running system (started once for the file). */
  readonly system: RunningSystem;
  /** A fresh page for the current test. */
  readonly page: Page;
}

/**
 * Registers the hooks every browser test file needs: the whole system and Chromium once per file,
 * a new page per test, everything stopped at the end. Call it at the top of a describe block.
 */
export function browserSuite(): BrowserSuite {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    page = await browser!.newPage();
  });
  afterEach(async () => {
    await page?.close();
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
    get page() {
      if (!page) throw new Error('No page: browserSuite().page is only available inside a test');
      return page;
    },
  };
}

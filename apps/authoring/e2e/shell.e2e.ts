import { describe, expect, it } from '@jest/globals';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO, signInToStudio } from './studio-helpers';

describe('authoring app (studio) shell', () => {
  const suite = browserSuite();

  it('shows the studio home with the system status read from the API', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);
    // The home page loads as its own chunk after sign-in: wait for its heading, then count.
    await page.locator('h1').first().waitFor();
    await expect(page.locator('h1').count()).resolves.toBe(1);
    const status = page.getByRole('region', { name: 'System status' });
    await status.getByText('0.1.0').waitFor();
    await visit(page, `${system.baseUrl}/studio/`);
  });

  it('answers an unknown studio address with a not-found page', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/studio/no/such/page`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
  });

  it('switches language', async () => {
    const { page, system } = suite;
    await signInToStudio(page, system.baseUrl, DEMO.platformAdmin);
    await page.getByRole('region', { name: 'System status' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.getByRole('region', { name: 'État du système' }).getByText('0.1.0').waitFor();
    await page.getByLabel('Langue').waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await visit(page, `${system.baseUrl}/studio/`);
  });

  it('lets a keyboard user skip to the main content', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/studio/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
});

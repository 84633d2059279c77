import { describe, expect, it } from '@jest/globals';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';

describe('learner app shell', () => {
  const suite = browserSuite();

  it('shows the home page with the participating institutions from the API', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/`);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await page.getByText('Saint Lucia Public Service Training Centre (demo)').waitFor();
    await expect(page.title()).resolves.toContain('Archipelago');
  });

  it('answers an unknown address with a not-found page that leads home', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/no/such/page`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Page not found');
    await page.getByRole('main').getByRole('link').first().click();
    await page.waitForURL(`${system.baseUrl}/`);
    await page.getByText('Saint Lucia Public Service Training Centre (demo)').waitFor();
  });

  it('switches the language of the whole page and remembers it', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/`);
    const english = await page.getByRole('heading', { level: 1 }).textContent();
    await page.getByLabel('Language').selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    const spanish = await page.getByRole('heading', { level: 1 }).textContent();
    expect(spanish).not.toBe(english);
    await page.getByLabel('Idioma').waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    await visit(page, `${system.baseUrl}/`);
    await page.getByLabel('Idioma').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.getByLabel('Langue').waitFor();
    await visit(page, `${system.baseUrl}/no/such/page`);
  });

  it('puts the skip link first and moves focus to the main content with it', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
  });

  it('is served with a content security policy that the app runs under', async () => {
    const { page, system } = suite;
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const response = await page.goto(`${system.baseUrl}/`, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText('Saint Lucia Public Service Training Centre (demo)').waitFor();
    expect(errors.filter((e) => e.includes('Content Security Policy'))).toEqual([]);
  });

  it('shows the error page when a page cannot load, and reports the crash to the API', async () => {
    const { page, system } = suite;
    // A dropped connection while fetching the page's code is the crash a learner is most likely to meet.
    await page.route('**/assets/HomePage-*.js', (route) => route.abort('connectionreset'));
    await visit(page, `${system.baseUrl}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Something went wrong');
    await page.getByRole('button', { name: 'Reload the page' }).waitFor();
    const reported = () =>
      system.logs.some((line) => {
        const entry = JSON.parse(line) as { context?: string; msg?: string };
        return entry.context === 'ClientError' && entry.msg?.includes('"app":"learner"');
      });
    for (let i = 0; i < 50 && !reported(); i += 1) await page.waitForTimeout(100);
    expect(reported()).toBe(true);
  });
});

import { describe, expect, it } from '@jest/globals';
import { visit } from '@archipelago/testing';
import { browserSuite } from '@archipelago/testing/browser-suite';
import { DEMO } from './studio-helpers';

describe('studio: a learner', () => {
  const suite = browserSuite();

  it('is told the Studio is not for them and pointed to the learning site', async () => {
    const { page, system } = suite;
    await visit(page, `${system.baseUrl}/studio/sign-in`);
    await page.getByLabel('E-mail address').fill(DEMO.learner.email);
    await page.getByLabel('Password').fill(DEMO.learner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'You do not have access to the Studio' }).waitFor();
    const link = page.getByRole('link', { name: 'Go to Archipelago learning' });
    await expect(link.getAttribute('href')).resolves.toBe('/');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Outbox' }).count()).resolves.toBe(0);
    await visit(page, `${system.baseUrl}/studio/outbox`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to the Studio' }).waitFor();
  });
});

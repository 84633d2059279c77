import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SeedService } from '../src/seed/seed.service.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('GET /api/institutions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).run();
  });
  afterAll(() => t.close());

  it('lists the participating institutions by country then name, with paging', async () => {
    // Other specs add institutions (country ZZ, sorting last) to the shared database.
    const first = await t.http.get('/api/institutions?pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(first.body.total).toBeGreaterThanOrEqual(5);
    expect(first.body.items.map((i: { country: string }) => i.country)).toEqual(['BB', 'BS']);
    const second = await t.http.get('/api/institutions?country=LC&pageSize=1&page=2');
    expect(second.body).toMatchObject({ page: 2, total: 2 });
    expect(second.body.items).toHaveLength(1);
  });

  it('filters by country, in either case', async () => {
    const res = await t.http.get('/api/institutions?country=lc');
    expect(res.body.total).toBe(2);
    expect(res.body.items.every((i: { country: string }) => i.country === 'LC')).toBe(true);
  });

  it('shows only public fields', async () => {
    const res = await t.http.get('/api/institutions?country=GY');
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['country', 'id', 'kind', 'name', 'slug']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SeedService } from '../src/seed/seed.service.js';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS } from '../src/seed/demo-data.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  // Other specs of the run share the database and add their own people and institutions, so only
  // the demo rows are counted.
  const counts = async () => {
    const db = t.app.get(DataSource);
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM institution WHERE slug = ANY($1))::int AS institutions,
              (SELECT count(*) FROM user_account WHERE lower(email) = ANY($2))::int AS accounts,
              (SELECT count(*) FROM membership m JOIN user_account u ON u.id = m.user_id
                WHERE lower(u.email) = ANY($2))::int AS memberships`,
      [DEMO_INSTITUTIONS.map((i) => i.slug), DEMO_ACCOUNTS.map((a) => a.email.toLowerCase())],
    );
    return row as { institutions: number; accounts: number; memberships: number };
  };

  it('loads an institution per focus country and an account per role, and changes nothing the second time', async () => {
    await t.app.get(SeedService).run();
    const first = await counts();
    expect(first.institutions).toBe(DEMO_INSTITUTIONS.length);
    expect(first.accounts).toBe(DEMO_ACCOUNTS.length);
    const again = await t.app.get(SeedService).run();
    expect(again).toMatchObject({ institutionsCreated: 0, accountsCreated: 0, coursesCreated: 0 });
    expect(await counts()).toEqual(first);
    const countries = new Set(DEMO_INSTITUTIONS.map((i) => i.country));
    for (const focus of ['BS', 'GY', 'LC']) expect(countries.has(focus as never)).toBe(true);
  });

  it('stores passwords as argon2id hashes only', async () => {
    // The demo accounts only: other files sharing the database insert fixtures of their own.
    const rows: { password_hash: string }[] = await t.app
      .get(DataSource)
      .query('SELECT password_hash FROM user_account WHERE lower(email) = ANY($1)', [
        DEMO_ACCOUNTS.map((account) => account.email.toLowerCase()),
      ]);
    expect(rows.length).toBe(DEMO_ACCOUNTS.length);
    for (const { password_hash } of rows)
      expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

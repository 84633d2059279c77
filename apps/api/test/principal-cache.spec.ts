import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { call, signUp, type Browser } from './account-helpers.js';
import { PrincipalCache } from '../src/auth/principal-cache.js';
import { PrincipalChanges } from '../src/auth/principal-changes.js';
import type { AuthContext } from '../src/auth/auth-context.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Notifications arrive asynchronously from another process: wait for them, up to two seconds. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the change was never seen');
}

describe('callers kept in memory, and forgotten as soon as anything about them changes', () => {
  let t: TestApp;
  /** Stands for another API process, or an operator at psql: changes the database directly. */
  let elsewhere: pg.Client;
  const databaseUrl = process.env.TEST_DATABASE_URL!;

  beforeAll(async () => {
    t = await createTestApp();
    elsewhere = new pg.Client({ connectionString: databaseUrl });
    await elsewhere.connect();
  });
  afterAll(async () => {
    await elsewhere.end();
    await t.close();
  });

  const me = (person: Browser) => call(t, 'get', '/api/me', person);
  const nameOf = async (person: Browser) => (await me(person)).body.user?.displayName as string | undefined;

  it('answers a known session from memory, and drops it when the person changes elsewhere', async () => {
    const person = await signUp(t);
    const before = await nameOf(person);

    // Without the trigger nobody hears of this change, so the answer can only come from memory.
    await elsewhere.query('BEGIN');
    await elsewhere.query('ALTER TABLE user_account DISABLE TRIGGER user_account_principal_change');
    await elsewhere.query(`UPDATE user_account SET display_name = 'Unheard' WHERE id = $1`, [person.userId]);
    await elsewhere.query('ALTER TABLE user_account ENABLE TRIGGER user_account_principal_change');
    await elsewhere.query('COMMIT');
    expect(await nameOf(person)).toBe(before);

    await elsewhere.query(`UPDATE user_account SET display_name = 'Renamed elsewhere' WHERE id = $1`, [
      person.userId,
    ]);
    await eventually(async () => (await nameOf(person)) === 'Renamed elsewhere');
  });

  it('sees a change made through this process on the very next request', async () => {
    const person = await signUp(t);
    await me(person);
    const changed = await call(t, 'patch', '/api/me/profile', person, { displayName: 'Changed here' });
    expect(changed.status).toBe(200);
    expect(await nameOf(person)).toBe('Changed here');
  });

  it('turns away a person deactivated, or a session revoked, by another process', async () => {
    const deactivated = await signUp(t);
    const revoked = await signUp(t);
    expect((await me(deactivated)).status).toBe(200);
    expect((await me(revoked)).status).toBe(200);

    await elsewhere.query(`UPDATE user_account SET status = 'deactivated' WHERE id = $1`, [
      deactivated.userId,
    ]);
    await elsewhere.query(`UPDATE session SET revoked_at = now() WHERE user_id = $1`, [revoked.userId]);
    await eventually(async () => (await me(deactivated)).status === 401);
    await eventually(async () => (await me(revoked)).status === 401);
  });

  it('follows memberships, and the names of their institutions', async () => {
    const person = await signUp(t);
    expect((await me(person)).body.memberships).toEqual([]);
    const slug = `cache-${randomUUID().slice(0, 8)}`;
    const {
      rows: [institution],
    } = await elsewhere.query<{ id: string }>(
      `INSERT INTO institution (name, slug, country, kind) VALUES ('Cache School', $1, 'GY', 'ministry') RETURNING id`,
      [slug],
    );
    await elsewhere.query(
      `INSERT INTO membership (user_id, institution_id, role) VALUES ($1, $2, 'trainer')`,
      [person.userId, institution!.id],
    );
    const membership = async () => (await me(person)).body.memberships as { institutionName: string }[];
    await eventually(async () => (await membership())[0]?.institutionName === 'Cache School');

    await elsewhere.query(`UPDATE institution SET name = 'Renamed School' WHERE id = $1`, [institution!.id]);
    await eventually(async () => (await membership())[0]?.institutionName === 'Renamed School');
  });

  describe('the cache itself', () => {
    const auth = { userId: randomUUID() } as AuthContext;
    const entry = { auth, credentialId: randomUUID(), lastUsedAt: 0, expiresAt: Date.now() + 60_000 };

    it('keeps nothing while it cannot hear changes, and nothing a change raced', async () => {
      const changes = new PrincipalChanges(databaseUrl);
      const cache = new PrincipalCache(changes);
      try {
        cache.put('deaf', entry, cache.generation);
        expect(cache.get('deaf')).toBeUndefined();

        await cache.onModuleInit();
        expect(changes.live).toBe(true);
        const generation = cache.generation;
        await elsewhere.query(`SELECT pg_notify('principal_changed', $1)`, [randomUUID()]);
        await eventually(async () => cache.generation !== generation);
        cache.put('raced', entry, generation);
        expect(cache.get('raced')).toBeUndefined();

        cache.put('kept', entry, cache.generation);
        expect(cache.get('kept')?.auth).toBe(auth);
        await elsewhere.query(`SELECT pg_notify('principal_changed', $1)`, [auth.userId]);
        await eventually(async () => cache.get('kept') === undefined);
      } finally {
        await cache.onApplicationShutdown();
      }
      expect(changes.live).toBe(false);
    });

    it('lets an entry go when its credential expires', async () => {
      const changes = new PrincipalChanges(databaseUrl);
      const cache = new PrincipalCache(changes);
      await cache.onModuleInit();
      try {
        cache.put('expiring', { ...entry, expiresAt: Date.now() + 30 }, cache.generation);
        expect(cache.get('expiring')).toBeDefined();
        await new Promise((resolve) => setTimeout(resolve, 60));
        expect(cache.get('expiring')).toBeUndefined();
      } finally {
        await cache.onApplicationShutdown();
      }
    });
  });
});

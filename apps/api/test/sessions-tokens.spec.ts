import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditActions, call, signIn, signUp, withToken, type Browser } from './account-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('my sessions and personal API tokens', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const createToken = (browser: Browser, body: object) => call(t, 'post', '/api/me/tokens', browser, body);

  describe('sessions', () => {
    it('lists my active sessions, marking the current one, without secrets', async () => {
      const person = await signUp(t);
      await signIn(t, person.email, person.password);
      const res = await call(t, 'get', '/api/me/sessions', person).set('user-agent', 'TestBrowser/1.0');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(2);
      expect(res.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      expect(Object.keys(res.body[0]).sort()).toEqual([
        'createdAt',
        'current',
        'id',
        'ip',
        'lastSeenAt',
        'userAgent',
      ]);
      expect(res.body.map((s: { ip: string }) => s.ip)).toContain(person.ip);
    });

    it('ends one session of mine, and answers 404 for another person’s or an unknown one', async () => {
      const person = await signUp(t);
      const other = await signIn(t, person.email, person.password);
      const stranger = await signUp(t);
      const sessions = (await call(t, 'get', '/api/me/sessions', person)).body as {
        id: string;
        current: boolean;
      }[];
      const otherId = sessions.find((s) => !s.current)!.id;
      const strangerId = ((await call(t, 'get', '/api/me/sessions', stranger)).body as { id: string }[])[0]!
        .id;

      expect((await call(t, 'delete', `/api/me/sessions/${strangerId}`, person)).status).toBe(404);
      expect((await call(t, 'get', '/api/me', stranger)).status).toBe(200);
      expect((await call(t, 'delete', `/api/me/sessions/${randomUUID()}`, person)).status).toBe(404);
      expect((await call(t, 'delete', '/api/me/sessions/not-a-uuid', person)).status).toBe(400);

      expect((await call(t, 'delete', `/api/me/sessions/${otherId}`, person)).status).toBe(204);
      expect((await call(t, 'get', '/api/me', other)).status).toBe(401);
      expect((await call(t, 'get', '/api/me', person)).status).toBe(200);
      expect((await call(t, 'delete', `/api/me/sessions/${otherId}`, person)).status).toBe(404);
      expect(await auditActions(t, person.userId)).toContain('auth.session_ended');
    });

    it('ends all my other sessions, or all of them with includeCurrent=true', async () => {
      const person = await signUp(t);
      const a = await signIn(t, person.email, person.password);
      const b = await signIn(t, person.email, person.password);
      const others = await call(t, 'delete', '/api/me/sessions', person);
      expect(others.status).toBe(200);
      expect(others.body).toEqual({ ended: 2 });
      expect(others.headers['set-cookie']).toBeUndefined();
      expect((await call(t, 'get', '/api/me', a)).status).toBe(401);
      expect((await call(t, 'get', '/api/me', b)).status).toBe(401);
      expect((await call(t, 'get', '/api/me', person)).status).toBe(200);

      const all = await call(t, 'delete', '/api/me/sessions?includeCurrent=true', person);
      expect(all.body).toEqual({ ended: 1 });
      expect(String(all.headers['set-cookie'])).toMatch(/archipelago_session=;/);
      expect((await call(t, 'get', '/api/me', person)).status).toBe(401);
    });

    it('is for signed-in browsers only', async () => {
      const person = await signUp(t);
      const token = (await createToken(person, { name: 't', scopes: ['read', 'write'], expiresInDays: 1 }))
        .body.token;
      expect((await call(t, 'get', '/api/me/sessions')).status).toBe(401);
      expect((await call(t, 'delete', '/api/me/sessions')).status).toBe(401);
      expect((await withToken(t, 'get', '/api/me/sessions', token)).status).toBe(403);
      expect((await withToken(t, 'delete', '/api/me/sessions', token)).status).toBe(403);
      expect((await call(t, 'get', '/api/me', person)).status).toBe(200);
    });
  });

  describe('API tokens', () => {
    it('creates a token shown once, stores only its hash, and it works as a bearer token', async () => {
      const person = await signUp(t);
      const res = await createToken(person, { name: ' HR sync ', scopes: ['read'], expiresInDays: 30 });
      expect(res.status).toBe(201);
      expect(res.body.token).toMatch(/^arch_[\w-]{40,}$/);
      expect(res.body).toMatchObject({
        name: 'HR sync',
        scopes: ['read'],
        revokedAt: null,
        lastUsedAt: null,
      });
      expect(res.body.token.startsWith(res.body.prefix)).toBe(true);
      expect(res.body.prefix.length).toBeLessThan(16);
      const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
      expect(Math.round(days)).toBe(30);

      const [row] = (await db.query(`SELECT encode(token_hash, 'hex') AS hash FROM api_token WHERE id = $1`, [
        res.body.id,
      ])) as { hash: string }[];
      expect(row!.hash).not.toContain(res.body.token);
      const list = await call(t, 'get', '/api/me/tokens', person);
      expect(list.body).toEqual([expect.objectContaining({ id: res.body.id, prefix: res.body.prefix })]);
      expect(list.body[0].token).toBeUndefined();

      const me = await withToken(t, 'get', '/api/me', res.body.token);
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe(person.userId);
      expect(me.body.csrfToken).toBeNull();
      expect(await auditActions(t, person.userId)).toContain('api_token.created');
    });

    it('lets a read-only token read but not write', async () => {
      const person = await signUp(t);
      const read = (await createToken(person, { name: 'r', scopes: ['read'], expiresInDays: 1 })).body.token;
      expect((await withToken(t, 'get', '/api/me/profile', read)).status).toBe(200);
      const post = await withToken(t, 'post', '/api/me/verification-email', read);
      expect(post.status).toBe(403);
      expect(post.body.detail).toMatch(/write/);
    });

    it('refuses tokens on interactive routes', async () => {
      const person = await signUp(t);
      const token = (await createToken(person, { name: 'rw', scopes: ['read', 'write'], expiresInDays: 1 }))
        .body.token;
      expect((await withToken(t, 'get', '/api/me/tokens', token)).status).toBe(403);
      const mint = await withToken(t, 'post', '/api/me/tokens', token, {
        name: 'x',
        scopes: ['read'],
        expiresInDays: 1,
      });
      expect(mint.status).toBe(403);
      expect(mint.body.detail).toMatch(/API tokens cannot/);
    });

    it('stops a revoked or an expired token at once (401)', async () => {
      const person = await signUp(t);
      const a = (await createToken(person, { name: 'a', scopes: ['read'], expiresInDays: 1 })).body;
      const b = (await createToken(person, { name: 'b', scopes: ['read'], expiresInDays: 1 })).body;
      expect((await call(t, 'delete', `/api/me/tokens/${a.id}`, person)).status).toBe(204);
      expect((await withToken(t, 'get', '/api/me', a.token)).status).toBe(401);
      expect(
        (await call(t, 'get', '/api/me/tokens', person)).body.find((x: { id: string }) => x.id === a.id)
          .revokedAt,
      ).not.toBeNull();
      expect(await auditActions(t, person.userId)).toContain('api_token.revoked');

      await db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [b.id]);
      expect((await withToken(t, 'get', '/api/me', b.token)).status).toBe(401);
      expect((await withToken(t, 'get', '/api/me', 'arch_made-up-token-value-1234567890')).status).toBe(401);
    });

    it('answers 404 when revoking another person’s token, which keeps working', async () => {
      const owner = await signUp(t);
      const other = await signUp(t);
      const token = (await createToken(owner, { name: 'mine', scopes: ['read'], expiresInDays: 1 })).body;
      expect((await call(t, 'delete', `/api/me/tokens/${token.id}`, other)).status).toBe(404);
      expect((await withToken(t, 'get', '/api/me', token.token)).status).toBe(200);
    });

    it('validates name, scopes and lifetime, creating nothing', async () => {
      const person = await signUp(t);
      const cases: [object, string][] = [
        [{ name: '', scopes: ['read'], expiresInDays: 1 }, 'name'],
        [{ name: 'x', scopes: [], expiresInDays: 1 }, 'scopes'],
        [{ name: 'x', scopes: ['admin'], expiresInDays: 1 }, 'scopes'],
        [{ name: 'x', scopes: ['read', 'read'], expiresInDays: 1 }, 'scopes'],
        [{ name: 'x', scopes: ['read'], expiresInDays: 0 }, 'expiresInDays'],
        [{ name: 'x', scopes: ['read'], expiresInDays: 366 }, 'expiresInDays'],
        [{ name: 'x', scopes: ['read'], expiresInDays: 1.5 }, 'expiresInDays'],
      ];
      for (const [body, field] of cases) {
        const res = await createToken(person, body);
        expect({ body, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({
          body,
          status: 400,
          field,
        });
      }
      expect((await call(t, 'get', '/api/me/tokens', person)).body).toEqual([]);
    });

    it('needs sign-in', async () => {
      expect((await call(t, 'get', '/api/me/tokens')).status).toBe(401);
      expect(
        (
          await call(t, 'post', '/api/me/tokens', undefined, {
            name: 'x',
            scopes: ['read'],
            expiresInDays: 1,
          })
        ).status,
      ).toBe(401);
      expect((await call(t, 'delete', `/api/me/tokens/${randomUUID()}`)).status).toBe(401);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { SeedService } from '../src/seed/seed.service.js';
import { createTestApp, type TestApp } from './test-app.js';

const TRAINER = { email: 'trainer@demo.archipelago.local', password: 'demo-trainer-password' };

describe('signing in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).run();
  });
  afterAll(() => t.close());

  const signIn = (body: object, ip = '198.51.100.1') =>
    t.http.post('/api/auth/login').set('x-forwarded-for', ip).send(body);

  it('starts a session in an httpOnly, SameSite=Lax cookie and returns the person with a CSRF token', async () => {
    const res = await signIn({ ...TRAINER, email: 'Trainer@Demo.Archipelago.local' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      email: TRAINER.email,
      isPlatformAdmin: false,
      emailVerified: true,
    });
    expect(res.body.memberships).toEqual([
      expect.objectContaining({
        role: 'trainer',
        institutionName: 'Saint Lucia Public Service Training Centre (demo)',
      }),
    ]);
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/archipelago_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.http.get('/api/me').set('cookie', cookie.split(';')[0]!);
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);
  });

  it('gives the same answer for an unknown e-mail as for a wrong password', async () => {
    const wrong = await signIn({ email: TRAINER.email, password: 'not the password at all' }, '198.51.100.2');
    const unknown = await signIn(
      { email: 'nobody@example.org', password: 'not the password at all' },
      '198.51.100.2',
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('refuses state-changing requests from a session without its CSRF token', async () => {
    const res = await signIn(TRAINER, '198.51.100.3');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const forged = await t.http.post('/api/auth/logout').set('cookie', cookie);
    expect(forged.status).toBe(403);
    expect(forged.body.detail).toMatch(/x-csrf-token/);
    expect((await t.http.get('/api/me').set('cookie', cookie)).status).toBe(200);
    const wrongToken = await t.http
      .post('/api/auth/logout')
      .set('cookie', cookie)
      .set('x-csrf-token', 'guess');
    expect(wrongToken.status).toBe(403);
  });

  it('ends the session on sign-out, so the cookie no longer works', async () => {
    const res = await signIn(TRAINER, '198.51.100.4');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const out = await t.http
      .post('/api/auth/logout')
      .set('cookie', cookie)
      .set('x-csrf-token', res.body.csrfToken);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/archipelago_session=;/);
    expect((await t.http.get('/api/me').set('cookie', cookie)).status).toBe(401);
  });

  it('treats a tampered or made-up cookie as signed out', async () => {
    const res = await t.http.get('/api/me').set('cookie', 'archipelago_session=forged-value-1234567890');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('validates the sign-in body', async () => {
    const res = await signIn({ email: 'not-an-email', password: '' }, '198.51.100.5');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('slows down guessing: 429 with Retry-After after ten failures for one account, before checking the password', async () => {
    // An account of its own: the lock-out would otherwise hit other tests sharing this database.
    const email = `guessed-${randomUUID()}@example.org`;
    await t.app.get(AccountsService).createAccount({
      email,
      displayName: 'Guessed Account',
      password: 'the real password is long',
      preferredLanguage: 'en',
      emailVerified: true,
    });
    const target = { email, password: 'wrong password guess' };
    for (let i = 0; i < 10; i += 1) expect((await signIn(target, `203.0.113.${i + 1}`)).status).toBe(401);
    const blocked = await signIn({ ...target, password: 'the real password is long' }, '203.0.113.99');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.type).toBe('urn:archipelago:problem:too-many-requests');
  });

  it('records sign-ins and failures in the audit log, which cannot be edited', async () => {
    const db = t.app.get(DataSource);
    const rows: { action: string; ip: string }[] = await db.query(
      `SELECT action, host(ip) AS ip FROM audit_event WHERE actor_email = $1 ORDER BY id`,
      [TRAINER.email],
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out']),
    );
    await expect(db.query(`UPDATE audit_event SET action = 'auth.nothing'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
});

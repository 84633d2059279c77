import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  auditActions,
  call,
  freshIp,
  latestMail,
  mailCount,
  signUp,
  strongPassword,
  uniqueEmail,
  userRow,
} from './account-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('sign-up and e-mail verification', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://learn.example.org' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const countUsers = async (email: string) =>
    (
      (await db.query(`SELECT count(*)::int AS n FROM user_account WHERE lower(email) = lower($1)`, [
        email,
      ])) as {
        n: number;
      }[]
    )[0]!.n;

  it('creates an unverified account, signs the person in and mails a link in their language', async () => {
    const email = uniqueEmail('newcomer');
    const res = await t.http
      .post('/api/auth/sign-up')
      .set('x-forwarded-for', freshIp())
      .send({ email, password: strongPassword(), displayName: 'Ana Pérez', preferredLanguage: 'es' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email,
      emailVerified: false,
      displayName: 'Ana Pérez',
      preferredLanguage: 'es',
    });
    expect(res.body.memberships).toEqual([]);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/archipelago_session=[\w-]{40,};.*HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    const me = await t.http.get('/api/me').set('cookie', cookie.split(';')[0]!);
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);

    const mail = await latestMail(t, email, 'verifyEmail');
    expect(mail?.language).toBe('es');
    expect(mail?.subject).toMatch(/correo|Confirm/i);
    expect(mail?.url).toMatch(/^https:\/\/learn\.example\.org\/verify-email\?token=[\w-]{40,}$/);
    const [token] = (await db.query(
      `SELECT expires_at - created_at AS ttl FROM account_token WHERE user_id = $1 AND purpose = 'verify_email'`,
      [res.body.user.id],
    )) as { ttl: { hours?: number; days?: number } }[];
    expect((token!.ttl.days ?? 0) * 24 + (token!.ttl.hours ?? 0)).toBe(48);
    expect(await auditActions(t, res.body.user.id)).toContain('account.signed_up');
  });

  it('refuses a duplicate e-mail in any case with 409, creating nothing', async () => {
    const person = await signUp(t);
    const before = await mailCount(t, person.email);
    const res = await call(t, 'post', '/api/auth/sign-up', undefined, {
      email: person.email.toUpperCase(),
      password: strongPassword(),
      displayName: 'Impostor',
      preferredLanguage: 'en',
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await countUsers(person.email)).toBe(1);
    expect(await mailCount(t, person.email)).toBe(before);
  });

  it('validates every field and the password policy, creating nothing', async () => {
    const email = uniqueEmail('invalid');
    const bad = await call(t, 'post', '/api/auth/sign-up', undefined, {
      email: 'not-an-address',
      password: 'x',
      displayName: '',
      preferredLanguage: 'de',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'displayName',
      'email',
      'preferredLanguage',
    ]);
    const weak = await call(t, 'post', '/api/auth/sign-up', undefined, {
      email,
      password: 'password1234',
      displayName: 'Weak',
      preferredLanguage: 'en',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('password');
    expect(await countUsers(email)).toBe(0);
    expect(await mailCount(t, email)).toBe(0);
  });

  it('limits sign-ups per address: 20 an hour, then 429 with Retry-After', async () => {
    const ip = freshIp();
    const taken = await signUp(t);
    for (let i = 0; i < 20; i += 1) {
      const res = await t.http.post('/api/auth/sign-up').set('x-forwarded-for', ip).send({
        email: taken.email,
        password: strongPassword(),
        displayName: 'Dup',
        preferredLanguage: 'en',
      });
      expect(res.status).toBe(409);
    }
    const blocked = await t.http
      .post('/api/auth/sign-up')
      .set('x-forwarded-for', ip)
      .send({
        email: uniqueEmail('blocked'),
        password: strongPassword(),
        displayName: 'B',
        preferredLanguage: 'en',
      });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('verifies the address once with the mailed token', async () => {
    const person = await signUp(t);
    const { token } = (await latestMail(t, person.email, 'verifyEmail'))!;
    const ok = await call(t, 'post', '/api/auth/verify-email', undefined, { token });
    expect(ok.status).toBe(204);
    expect((await userRow(t, person.userId)).email_verified_at).not.toBeNull();
    const me = await call(t, 'get', '/api/me', person);
    expect(me.body.user.emailVerified).toBe(true);
    expect(await auditActions(t, person.userId)).toContain('account.email_verified');

    const again = await call(t, 'post', '/api/auth/verify-email', undefined, { token });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
    expect(again.body.detail).toMatch(/expired or been used/);
  });

  it('refuses tampered, unknown and expired tokens with the same 400, changing nothing', async () => {
    const person = await signUp(t);
    const { token } = (await latestMail(t, person.email, 'verifyEmail'))!;
    const tampered = await call(t, 'post', '/api/auth/verify-email', undefined, {
      token: token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA'),
    });
    const malformed = await call(t, 'post', '/api/auth/verify-email', undefined, { token: 'nope' });
    const missing = await call(t, 'post', '/api/auth/verify-email', undefined, {});
    expect([tampered.status, malformed.status, missing.status]).toEqual([400, 400, 400]);
    expect(tampered.body.errors[0].field).toBe('token');
    expect(malformed.body.errors[0].field).toBe('token');

    await db.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      person.userId,
    ]);
    const expired = await call(t, 'post', '/api/auth/verify-email', undefined, { token });
    expect(expired.status).toBe(400);
    expect(expired.body.detail).toBe(tampered.body.detail);
    expect((await userRow(t, person.userId)).email_verified_at).toBeNull();
  });

  it('sends a new link on request (the old one stops working) and refuses when already verified', async () => {
    const person = await signUp(t);
    const first = (await latestMail(t, person.email, 'verifyEmail'))!.token;
    expect((await call(t, 'post', '/api/me/verification-email')).status).toBe(401);
    const resend = await call(t, 'post', '/api/me/verification-email', person);
    expect(resend.status).toBe(202);
    expect(resend.body.message).toEqual(expect.any(String));
    const second = (await latestMail(t, person.email, 'verifyEmail'))!.token;
    expect(second).not.toBe(first);
    expect((await call(t, 'post', '/api/auth/verify-email', undefined, { token: first })).status).toBe(400);
    expect((await call(t, 'post', '/api/auth/verify-email', undefined, { token: second })).status).toBe(204);
    const verified = await call(t, 'post', '/api/me/verification-email', person);
    expect(verified.status).toBe(409);
  });

  it('rate-limits resending the link', async () => {
    const person = await signUp(t);
    for (let i = 0; i < 5; i += 1)
      expect((await call(t, 'post', '/api/me/verification-email', person)).status).toBe(202);
    const blocked = await call(t, 'post', '/api/me/verification-email', person);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });
});

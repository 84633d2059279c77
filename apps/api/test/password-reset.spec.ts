import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  auditActions,
  call,
  freshIp,
  latestMail,
  mailCount,
  signIn,
  signUp,
  strongPassword,
  uniqueEmail,
  userRow,
} from './account-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('forgotten password', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://learn.example.org' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const askReset = (email: string, ip = freshIp()) =>
    t.http.post('/api/auth/password-reset').set('x-forwarded-for', ip).send({ email });
  const confirm = (token: string, password: string) =>
    call(t, 'post', '/api/auth/password-reset/confirm', undefined, { token, password });

  it('gives the same 202 answer for a known and an unknown address, mailing only the known one', async () => {
    const person = await signUp(t, { preferredLanguage: 'fr' });
    const known = await askReset(person.email.toUpperCase());
    const unknownEmail = uniqueEmail('nobody');
    const unknown = await askReset(unknownEmail);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(await mailCount(t, unknownEmail)).toBe(0);
    const mail = await latestMail(t, person.email, 'passwordReset');
    expect(mail?.language).toBe('fr');
    expect(mail?.url).toMatch(/^https:\/\/learn\.example\.org\/reset-password\?token=[\w-]{40,}$/);
    const [row] = (await db.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM account_token
        WHERE user_id = $1 AND purpose = 'reset_password'`,
      [person.userId],
    )) as { ttl: number }[];
    expect(row!.ttl).toBeGreaterThanOrEqual(3599);
    expect(row!.ttl).toBeLessThanOrEqual(3601);
  });

  it('sets the new password once, ends every session and mails a notice', async () => {
    const person = await signUp(t);
    const other = await signIn(t, person.email, person.password);
    await askReset(person.email);
    const { token } = (await latestMail(t, person.email, 'passwordReset'))!;
    const newPassword = strongPassword();
    const res = await confirm(token, newPassword);
    expect(res.status).toBe(204);
    expect((await call(t, 'get', '/api/me', person)).status).toBe(401);
    expect((await call(t, 'get', '/api/me', other)).status).toBe(401);
    await expect(signIn(t, person.email, person.password)).rejects.toThrow(/401/);
    await expect(signIn(t, person.email, newPassword)).resolves.toBeDefined();
    expect(await mailCount(t, person.email, 'passwordChanged')).toBe(1);
    expect(await auditActions(t, person.userId)).toEqual(
      expect.arrayContaining(['account.password_reset_requested', 'account.password_reset']),
    );

    const reused = await confirm(token, strongPassword());
    expect(reused.status).toBe(400);
    expect(reused.body.errors[0].field).toBe('token');
    await expect(signIn(t, person.email, newPassword)).resolves.toBeDefined();
  });

  it('keeps the token usable when the new password is refused, and changes nothing', async () => {
    const person = await signUp(t);
    await askReset(person.email);
    const { token } = (await latestMail(t, person.email, 'passwordReset'))!;
    const before = (await userRow(t, person.userId)).password_hash;
    const weak = await confirm(token, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('password');
    expect((await userRow(t, person.userId)).password_hash).toBe(before);
    expect((await call(t, 'get', '/api/me', person)).status).toBe(200);
    expect((await confirm(token, strongPassword())).status).toBe(204);
  });

  it('refuses expired, tampered and superseded tokens with 400, changing nothing', async () => {
    const person = await signUp(t);
    await askReset(person.email);
    const first = (await latestMail(t, person.email, 'passwordReset'))!.token;
    await askReset(person.email);
    const second = (await latestMail(t, person.email, 'passwordReset'))!.token;
    const before = (await userRow(t, person.userId)).password_hash;

    expect((await confirm(first, strongPassword())).status).toBe(400);
    expect(
      (await confirm(`${second.slice(0, -1)}${second.endsWith('x') ? 'y' : 'x'}`, strongPassword())).status,
    ).toBe(400);
    await db.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      person.userId,
    ]);
    const expired = await confirm(second, strongPassword());
    expect(expired.status).toBe(400);
    expect(expired.body.detail).toMatch(/expired/);
    expect((await userRow(t, person.userId)).password_hash).toBe(before);
    expect((await call(t, 'get', '/api/me', person)).status).toBe(200);
  });

  it('does not mail deleted or deactivated accounts', async () => {
    const person = await signUp(t);
    await db.query(`UPDATE user_account SET status = 'deactivated' WHERE id = $1`, [person.userId]);
    expect((await askReset(person.email)).status).toBe(202);
    expect(await mailCount(t, person.email, 'passwordReset')).toBe(0);
  });

  it('limits requests per e-mail (3 an hour) and per address (10 an hour) with 429 and Retry-After', async () => {
    const email = uniqueEmail('flood');
    for (let i = 0; i < 3; i += 1) expect((await askReset(email)).status).toBe(202);
    const perEmail = await askReset(email);
    expect(perEmail.status).toBe(429);
    expect(Number(perEmail.headers['retry-after'])).toBeGreaterThan(0);

    const ip = freshIp();
    for (let i = 0; i < 10; i += 1) expect((await askReset(uniqueEmail('spray'), ip)).status).toBe(202);
    const perIp = await askReset(uniqueEmail('spray'), ip);
    expect(perIp.status).toBe(429);
    expect(perIp.headers['retry-after']).toBeDefined();
  });

  it('validates the request bodies', async () => {
    const bad = await askReset('not-an-email');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('email');
    const missing = await call(t, 'post', '/api/auth/password-reset/confirm', undefined, {});
    expect(missing.status).toBe(400);
    expect([...new Set(missing.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'password',
      'token',
    ]);
  });
});

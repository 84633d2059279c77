import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  auditActions,
  call,
  latestMail,
  mailCount,
  signIn,
  signUp,
  strongPassword,
  uniqueEmail,
  userRow,
  withToken,
} from './account-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('changing my password and e-mail address', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://learn.example.org' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const apiToken = async (browser: Awaited<ReturnType<typeof signUp>>) =>
    (
      await call(t, 'post', '/api/me/tokens', browser, {
        name: 'x',
        scopes: ['read', 'write'],
        expiresInDays: 1,
      })
    ).body.token as string;

  it('refuses a wrong current password with a field error, changing nothing', async () => {
    const person = await signUp(t);
    const before = (await userRow(t, person.userId)).password_hash;
    const res = await call(t, 'post', '/api/me/password', person, {
      currentPassword: 'not my password at all',
      newPassword: strongPassword(),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect((await userRow(t, person.userId)).password_hash).toBe(before);
  });

  it('refuses a weak new password naming newPassword', async () => {
    const person = await signUp(t);
    const res = await call(t, 'post', '/api/me/password', person, {
      currentPassword: person.password,
      newPassword: 'aaaaaaaaaaaaaaaa',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('newPassword');
  });

  it('changes the password, keeps this session, ends the others and mails a notice', async () => {
    const person = await signUp(t);
    const other = await signIn(t, person.email, person.password);
    const newPassword = strongPassword();
    const res = await call(t, 'post', '/api/me/password', person, {
      currentPassword: person.password,
      newPassword,
    });
    expect(res.status).toBe(204);
    expect((await call(t, 'get', '/api/me', person)).status).toBe(200);
    expect((await call(t, 'get', '/api/me', other)).status).toBe(401);
    await expect(signIn(t, person.email, newPassword)).resolves.toBeDefined();
    expect(await mailCount(t, person.email, 'passwordChanged')).toBe(1);
    expect(await auditActions(t, person.userId)).toContain('account.password_changed');
    expect((await userRow(t, person.userId)).password_changed_at).not.toBeNull();
  });

  it('rate-limits guesses of the current password', async () => {
    const person = await signUp(t);
    for (let i = 0; i < 10; i += 1) {
      const res = await call(t, 'post', '/api/me/password', person, {
        currentPassword: `wrong guess ${i}`,
        newPassword: strongPassword(),
      });
      expect(res.status).toBe(400);
    }
    const blocked = await call(t, 'post', '/api/me/password', person, {
      currentPassword: person.password,
      newPassword: strongPassword(),
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('allows only signed-in browsers: anonymous 401, API token 403', async () => {
    const person = await signUp(t);
    const token = await apiToken(person);
    const body = { currentPassword: person.password, newPassword: strongPassword() };
    expect((await call(t, 'post', '/api/me/password', undefined, body)).status).toBe(401);
    expect((await withToken(t, 'post', '/api/me/password', token, body)).status).toBe(403);
    const email = { newEmail: uniqueEmail('x'), password: person.password };
    expect((await call(t, 'post', '/api/me/email', undefined, email)).status).toBe(401);
    expect((await withToken(t, 'post', '/api/me/email', token, email)).status).toBe(403);
  });

  it('changes the e-mail address only once the new address confirms it', async () => {
    const person = await signUp(t);
    const newEmail = uniqueEmail('moved');
    const res = await call(t, 'post', '/api/me/email', person, { newEmail, password: person.password });
    expect(res.status).toBe(202);
    expect((await userRow(t, person.userId)).email).toBe(person.email);
    const mail = (await latestMail(t, newEmail, 'changeEmail'))!;
    expect(mail.url).toMatch(/^https:\/\/learn\.example\.org\/confirm-email\?token=[\w-]{40,}$/);
    expect(await mailCount(t, person.email, 'changeEmail')).toBe(0);

    const ok = await call(t, 'post', '/api/auth/confirm-email-change', undefined, { token: mail.token });
    expect(ok.status).toBe(204);
    const row = await userRow(t, person.userId);
    expect(row.email).toBe(newEmail);
    expect(row.email_verified_at).not.toBeNull();
    expect(await auditActions(t, person.userId)).toEqual(
      expect.arrayContaining(['account.email_change_requested', 'account.email_changed']),
    );
    const reused = await call(t, 'post', '/api/auth/confirm-email-change', undefined, { token: mail.token });
    expect(reused.status).toBe(400);
    await expect(signIn(t, newEmail, person.password)).resolves.toBeDefined();
  });

  it('refuses a wrong password, an address in use (any case) or the same address, changing nothing', async () => {
    const person = await signUp(t);
    const someone = await signUp(t);
    const wrong = await call(t, 'post', '/api/me/email', person, {
      newEmail: uniqueEmail('a'),
      password: 'wrong one!',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('password');
    const taken = await call(t, 'post', '/api/me/email', person, {
      newEmail: someone.email.toUpperCase(),
      password: person.password,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].field).toBe('newEmail');
    const same = await call(t, 'post', '/api/me/email', person, {
      newEmail: person.email,
      password: person.password,
    });
    expect(same.status).toBe(400);
    expect(same.body.errors[0].field).toBe('newEmail');
    const invalid = await call(t, 'post', '/api/me/email', person, {
      newEmail: 'nope',
      password: person.password,
    });
    expect(invalid.status).toBe(400);
    expect(
      (
        (await db.query(
          `SELECT count(*)::int AS n FROM account_token WHERE user_id = $1 AND purpose = 'change_email'`,
          [person.userId],
        )) as { n: number }[]
      )[0]!.n,
    ).toBe(0);
  });

  it('answers 409 when the address was taken meanwhile, leaving the account and the token as they were', async () => {
    const person = await signUp(t);
    const newEmail = uniqueEmail('contested');
    await call(t, 'post', '/api/me/email', person, { newEmail, password: person.password });
    const { token } = (await latestMail(t, newEmail, 'changeEmail'))!;
    await signUp(t, { email: newEmail.toUpperCase() });
    const res = await call(t, 'post', '/api/auth/confirm-email-change', undefined, { token });
    expect(res.status).toBe(409);
    expect((await userRow(t, person.userId)).email).toBe(person.email);
    const [row] = (await db.query(
      `SELECT used_at FROM account_token WHERE user_id = $1 AND purpose = 'change_email'`,
      [person.userId],
    )) as { used_at: Date | null }[];
    expect(row!.used_at).toBeNull();
  });

  it('refuses expired or tampered e-mail change tokens', async () => {
    const person = await signUp(t);
    const newEmail = uniqueEmail('late');
    await call(t, 'post', '/api/me/email', person, { newEmail, password: person.password });
    const { token } = (await latestMail(t, newEmail, 'changeEmail'))!;
    expect(
      (
        await call(t, 'post', '/api/auth/confirm-email-change', undefined, {
          token: `${token.slice(0, -1)}Z`,
        })
      ).status,
    ).toBe(400);
    await db.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      person.userId,
    ]);
    expect((await call(t, 'post', '/api/auth/confirm-email-change', undefined, { token })).status).toBe(400);
    expect((await userRow(t, person.userId)).email).toBe(person.email);
  });
});

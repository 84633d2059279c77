import { randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { signIn, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

/** A strong password that passes the policy, different for every account. */
export const strongPassword = () => `correct horse ${randomUUID().slice(0, 8)} battery`;

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;

/** A fresh client address per call, so per-address rate limits of one test never hit another. */
export const freshIp = () => `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;

export type Browser = TestSession;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Sends a request as a browser (cookie, CSRF header, its address), or anonymously. */
export function call(t: TestApp, method: Method, path: string, browser?: Browser, body?: object) {
  let req = t.http[method](path).set('x-forwarded-for', browser?.ip ?? freshIp());
  if (browser) req = req.set('cookie', browser.cookie).set('x-csrf-token', browser.csrf);
  return body === undefined ? req : req.send(body);
}

/** Sends a request with a bearer token. */
export function withToken(t: TestApp, method: Method, path: string, token: string, body?: object) {
  const req = t.http[method](path).set('x-forwarded-for', freshIp()).set('authorization', `Bearer ${token}`);
  return body === undefined ? req : req.send(body);
}

export const cookieOf = (res: Response) => String(res.headers['set-cookie']).split(';')[0]!;

export async function signUp(
  t: TestApp,
  overrides: Partial<{
    email: string;
    password: string;
    displayName: string;
    preferredLanguage: string;
  }> = {},
): Promise<Browser> {
  const email = overrides.email ?? uniqueEmail('person');
  const password = overrides.password ?? strongPassword();
  const ip = freshIp();
  const res = await t.http
    .post('/api/auth/sign-up')
    .set('x-forwarded-for', ip)
    .send({ email, password, displayName: 'Test Person', preferredLanguage: 'en', ...overrides });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { userId: res.body.user.id, email, password, cookie: cookieOf(res), csrf: res.body.csrfToken, ip };
}

export { signIn };

export interface MailedLink {
  url: string;
  token: string;
  subject: string;
  language: string;
}

/** The link in the latest mail of this template sent to the address, read from the outbox table. */
export async function latestMail(
  t: TestApp,
  recipient: string,
  template: string,
): Promise<MailedLink | undefined> {
  const [row] = (await t.app.get(DataSource).query(
    `SELECT text_body, subject, language FROM mail_message
      WHERE lower(recipient) = lower($1) AND template = $2 ORDER BY created_at DESC, id LIMIT 1`,
    [recipient, template],
  )) as { text_body: string; subject: string; language: string }[];
  if (!row) return undefined;
  const url = /https?:\/\/\S+/.exec(row.text_body)?.[0] ?? '';
  return {
    url,
    token: new URL(url || 'http://x/').searchParams.get('token') ?? '',
    subject: row.subject,
    language: row.language,
  };
}

export async function mailCount(t: TestApp, recipient: string, template?: string): Promise<number> {
  const [row] = (await t.app
    .get(DataSource)
    .query(
      `SELECT count(*)::int AS n FROM mail_message WHERE lower(recipient) = lower($1) AND ($2::text IS NULL OR template = $2)`,
      [recipient, template ?? null],
    )) as { n: number }[];
  return row?.n ?? 0;
}

export async function auditActions(t: TestApp, userId: string): Promise<string[]> {
  const rows = (await t.app
    .get(DataSource)
    .query(`SELECT action FROM audit_event WHERE actor_id = $1 ORDER BY id`, [userId])) as {
    action: string;
  }[];
  return rows.map((r) => r.action);
}

export async function userRow(t: TestApp, userId: string): Promise<Record<string, unknown>> {
  const [row] = (await t.app
    .get(DataSource)
    .query(`SELECT * FROM user_account WHERE id = $1`, [userId])) as Record<string, unknown>[];
  return row ?? {};
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { createTestApp, type TestApp } from './test-app.js';

const CLI = resolve(fileURLToPath(import.meta.url), '../../dist/accounts/create-admin.cli.js');
const run = promisify(execFile);

const createAdmin = (...args: string[]) =>
  run(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: process.env.TEST_DATABASE_URL },
  });

describe('create-admin: the first platform administrator of an installation', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('creates the account with a one-time password that signs in as a platform admin', async () => {
    const email = `first-admin-${randomUUID().slice(0, 8)}@example.gov`;
    const { stdout } = await createAdmin('--email', email, '--name', 'First Admin');
    const password = /One-time password: (\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();
    const res = await t.http
      .post('/api/auth/login')
      .set('x-forwarded-for', '192.0.2.77')
      .send({ email, password });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      isPlatformAdmin: true,
      displayName: 'First Admin',
      emailVerified: true,
    });
  });

  it('grants the role to an existing account without touching its password, audited', async () => {
    const email = `officer-${randomUUID().slice(0, 8)}@example.gov`;
    const password = 'a password that stays the same';
    const user = await t.app.get(AccountsService).createAccount({
      email,
      displayName: 'Existing Officer',
      password,
      preferredLanguage: 'fr',
      emailVerified: true,
    });
    const { stdout } = await createAdmin('--email', email.toUpperCase());
    expect(stdout).toBe(`${email} is now a platform administrator.\n`);
    const res = await t.http
      .post('/api/auth/login')
      .set('x-forwarded-for', '192.0.2.78')
      .send({ email, password });
    expect(res.body.user.isPlatformAdmin).toBe(true);
    const events: { details: { via: string } }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT details FROM audit_event WHERE action = 'role.platform_admin_changed' AND target_id = $1`,
        [user.id],
      );
    expect(events.map((e) => e.details.via)).toEqual(['command line']);
  });

  it('refuses a missing or malformed e-mail with the usage line', async () => {
    await expect(createAdmin('--email', 'not-an-address')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('usage: create-admin --email <address>'),
    });
  });
});

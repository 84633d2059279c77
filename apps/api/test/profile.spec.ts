import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SeedService } from '../src/seed/seed.service.js';
import {
  auditActions,
  call,
  signIn,
  signUp,
  strongPassword,
  userRow,
  withToken,
  type Browser,
} from './account-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('profile, reporting details, data download and account deletion', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).run();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const tokenFor = async (browser: Browser, scopes: string[]) =>
    (await call(t, 'post', '/api/me/tokens', browser, { name: 'test', scopes, expiresInDays: 1 })).body
      .token as string;

  describe('profile', () => {
    it('shows and changes my profile; empty text and null clear optional fields', async () => {
      const person = await signUp(t);
      const shown = await call(t, 'get', '/api/me/profile', person);
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual({
        email: person.email,
        emailVerified: false,
        displayName: 'Test Person',
        preferredLanguage: 'en',
        country: null,
        department: null,
        jobTitle: null,
      });
      const changed = await call(t, 'patch', '/api/me/profile', person, {
        displayName: '  Marie Joseph ',
        preferredLanguage: 'fr',
        country: 'lc',
        department: 'Ministry of the Public Service',
        jobTitle: 'Policy Analyst',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        displayName: 'Marie Joseph',
        preferredLanguage: 'fr',
        country: 'LC',
        department: 'Ministry of the Public Service',
        jobTitle: 'Policy Analyst',
      });
      const cleared = await call(t, 'patch', '/api/me/profile', person, { country: null, jobTitle: '' });
      expect(cleared.body).toMatchObject({
        country: null,
        jobTitle: null,
        department: 'Ministry of the Public Service',
      });
      expect((await call(t, 'get', '/api/me', person)).body.user.displayName).toBe('Marie Joseph');
    });

    it('refuses invalid values naming each field, changing nothing', async () => {
      const person = await signUp(t);
      const res = await call(t, 'patch', '/api/me/profile', person, {
        displayName: null,
        preferredLanguage: 'de',
        country: 'XX',
        department: 'd'.repeat(201),
      });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
        'country',
        'department',
        'displayName',
        'preferredLanguage',
      ]);
      const unknown = await call(t, 'patch', '/api/me/profile', person, { email: 'x@example.org' });
      expect(unknown.status).toBe(400);
      const row = await userRow(t, person.userId);
      expect(row).toMatchObject({
        display_name: 'Test Person',
        preferred_language: 'en',
        country: null,
        email: person.email,
      });
    });

    it('needs sign-in; a read-only API token may read but not change it', async () => {
      const person = await signUp(t);
      expect((await call(t, 'get', '/api/me/profile')).status).toBe(401);
      expect((await call(t, 'patch', '/api/me/profile', undefined, { displayName: 'X' })).status).toBe(401);
      const read = await tokenFor(person, ['read']);
      expect((await withToken(t, 'get', '/api/me/profile', read)).status).toBe(200);
      expect((await withToken(t, 'patch', '/api/me/profile', read, { displayName: 'X' })).status).toBe(403);
      const write = await tokenFor(person, ['read', 'write']);
      expect(
        (await withToken(t, 'patch', '/api/me/profile', write, { displayName: 'Via token' })).status,
      ).toBe(200);
    });
  });

  describe('reporting details', () => {
    it('answers consented:false when nothing is stored', async () => {
      const person = await signUp(t);
      const res = await call(t, 'get', '/api/me/reporting-profile', person);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        consented: false,
        consentedAt: null,
        sex: null,
        ageBand: null,
        disability: null,
        islandRegion: null,
      });
    });

    it('stores answers only with consent: true, and audits consent without the values', async () => {
      const person = await signUp(t);
      for (const consent of [false, 'true', undefined]) {
        const refused = await call(t, 'put', '/api/me/reporting-profile', person, { consent, sex: 'female' });
        expect(refused.status).toBe(400);
        expect(refused.body.errors[0].field).toBe('consent');
      }
      const badValue = await call(t, 'put', '/api/me/reporting-profile', person, {
        consent: true,
        ageBand: '30ish',
      });
      expect(badValue.status).toBe(400);
      expect(badValue.body.errors[0].field).toBe('ageBand');
      expect(
        (await db.query(`SELECT 1 FROM reporting_profile WHERE user_id = $1`, [person.userId])).length,
      ).toBe(0);

      const stored = await call(t, 'put', '/api/me/reporting-profile', person, {
        consent: true,
        sex: 'female',
        ageBand: '35_44',
        disability: 'prefer_not_to_say',
        islandRegion: 'Grand Bahama',
      });
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({
        consented: true,
        sex: 'female',
        ageBand: '35_44',
        disability: 'prefer_not_to_say',
        islandRegion: 'Grand Bahama',
      });
      const replaced = await call(t, 'put', '/api/me/reporting-profile', person, {
        consent: true,
        disability: 'no',
      });
      expect(replaced.body).toMatchObject({
        consented: true,
        sex: null,
        ageBand: null,
        disability: 'no',
        islandRegion: null,
      });
      expect(replaced.body.consentedAt).toBe(stored.body.consentedAt);

      const events = (await db.query(
        `SELECT action, details::text AS details FROM audit_event WHERE actor_id = $1 AND action LIKE 'reporting_profile.%' ORDER BY id`,
        [person.userId],
      )) as { action: string; details: string }[];
      expect(events.map((e) => e.action)).toEqual([
        'reporting_profile.consent_given',
        'reporting_profile.updated',
      ]);
      expect(events.map((e) => e.details).join()).not.toMatch(/female|Grand Bahama|no/);
    });

    it('deletes every answer when consent is withdrawn', async () => {
      const person = await signUp(t);
      await call(t, 'put', '/api/me/reporting-profile', person, { consent: true, sex: 'male' });
      const res = await call(t, 'delete', '/api/me/reporting-profile', person);
      expect(res.status).toBe(204);
      expect(
        (await db.query(`SELECT 1 FROM reporting_profile WHERE user_id = $1`, [person.userId])).length,
      ).toBe(0);
      expect((await call(t, 'get', '/api/me/reporting-profile', person)).body.consented).toBe(false);
      expect(await auditActions(t, person.userId)).toContain('reporting_profile.consent_withdrawn');
      expect((await call(t, 'delete', '/api/me/reporting-profile', person)).status).toBe(204);
    });

    it('needs sign-in', async () => {
      expect((await call(t, 'get', '/api/me/reporting-profile')).status).toBe(401);
      expect((await call(t, 'put', '/api/me/reporting-profile', undefined, { consent: true })).status).toBe(
        401,
      );
      expect((await call(t, 'delete', '/api/me/reporting-profile')).status).toBe(401);
    });
  });

  describe('data download', () => {
    it('downloads everything about me as a JSON attachment, without secrets', async () => {
      const learner = await signIn(t, 'learner@demo.archipelago.local', 'demo-learner-password');
      await call(t, 'put', '/api/me/reporting-profile', learner, { consent: true, ageBand: '25_34' });
      await tokenFor(learner, ['read']);
      const res = await call(t, 'get', '/api/me/export', learner);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="archipelago-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(res.body.profile).toMatchObject({
        email: 'learner@demo.archipelago.local',
        emailVerified: true,
      });
      expect(res.body.reportingProfile).toMatchObject({ consented: true, ageBand: '25_34' });
      expect(res.body.memberships).toEqual([
        expect.objectContaining({ role: 'learner', institutionName: expect.stringContaining('(demo)') }),
      ]);
      expect(res.body.sessions.length).toBeGreaterThanOrEqual(1);
      expect(res.body.apiTokens[0]).toMatchObject({ name: 'test', prefix: expect.stringMatching(/^arch_/) });
      expect(res.body.auditEvents.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['auth.sign_in', 'api_token.created', 'account.exported']),
      );
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/tokenHash|token_hash|passwordHash|password_hash|csrf/i);
      expect(text).not.toContain(learner.csrf);
      await call(t, 'delete', '/api/me/reporting-profile', learner);
    });

    it('is for signed-in browsers only', async () => {
      const person = await signUp(t);
      expect((await call(t, 'get', '/api/me/export')).status).toBe(401);
      expect((await withToken(t, 'get', '/api/me/export', await tokenFor(person, ['read']))).status).toBe(
        403,
      );
    });
  });

  describe('account deletion', () => {
    it('refuses a wrong password, changing nothing', async () => {
      const person = await signUp(t);
      const res = await call(t, 'delete', '/api/me', person, { password: 'not the password!' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('password');
      expect((await userRow(t, person.userId)).status).toBe('active');
      expect((await call(t, 'get', '/api/me', person)).status).toBe(200);
      expect((await call(t, 'delete', '/api/me', person, {})).status).toBe(400);
    });

    it('anonymises the account, ends sessions, revokes tokens and frees the address', async () => {
      const person = await signUp(t);
      const other = await signIn(t, person.email, person.password);
      await call(t, 'patch', '/api/me/profile', person, {
        country: 'BS',
        department: 'Treasury',
        jobTitle: 'Clerk',
      });
      await call(t, 'put', '/api/me/reporting-profile', person, { consent: true, sex: 'male' });
      const token = await tokenFor(person, ['read']);

      const res = await call(t, 'delete', '/api/me', person, { password: person.password });
      expect(res.status).toBe(204);
      expect(String(res.headers['set-cookie'])).toMatch(/archipelago_session=;/);

      const row = await userRow(t, person.userId);
      expect(row).toMatchObject({
        email: `deleted-${person.userId}@deleted.invalid`,
        display_name: 'Deleted account',
        status: 'deleted',
        country: null,
        department: null,
        job_title: null,
      });
      expect(row.deleted_at).not.toBeNull();
      expect(
        (await db.query(`SELECT 1 FROM reporting_profile WHERE user_id = $1`, [person.userId])).length,
      ).toBe(0);
      expect((await call(t, 'get', '/api/me', person)).status).toBe(401);
      expect((await call(t, 'get', '/api/me', other)).status).toBe(401);
      expect((await withToken(t, 'get', '/api/me', token)).status).toBe(401);
      await expect(signIn(t, person.email, person.password)).rejects.toThrow(/401/);
      expect(await auditActions(t, person.userId)).toContain('account.deleted');
      await expect(signUp(t, { email: person.email, password: strongPassword() })).resolves.toBeDefined();
    });

    it('is for signed-in browsers only', async () => {
      const person = await signUp(t);
      expect((await call(t, 'delete', '/api/me', undefined, { password: person.password })).status).toBe(401);
      const token = await tokenFor(person, ['read', 'write']);
      expect((await withToken(t, 'delete', '/api/me', token, { password: person.password })).status).toBe(
        403,
      );
      expect((await userRow(t, person.userId)).status).toBe('active');
    });
  });
});

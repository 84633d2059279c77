import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InstitutionRole } from '../src/accounts/membership.entity.js';
import { SeedService } from '../src/seed/seed.service.js';
import {
  auditActions,
  createInstitutionWithAdmin,
  createPerson,
  demoInstitutionId,
} from './admin-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('administering people', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let admin: TestSession;
  let lcAdmin: TestSession;
  let otherAdmin: TestSession;
  let other: string;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    admin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    lcAdmin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    const second = await createInstitutionWithAdmin(t, 'users');
    other = second.institutionId;
    otherAdmin = await signIn(t, second.admin.email, second.admin.password);
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) =>
    ((await db.query(`SELECT status FROM user_account WHERE id = $1`, [id])) as { status: string }[])[0]!
      .status;
  const emails = (body: { items: { email: string }[] }) => body.items.map((u) => u.email);
  /** Every address the caller's list shows, over all pages: other files add people to the database. */
  const everyone = async (session: TestSession) => {
    const all: string[] = [];
    for (let page = 1; ; page += 1) {
      const res = await call(t, session, 'get', `/api/users?pageSize=100&page=${page}`);
      expect(res.status).toBe(200);
      all.push(...emails(res.body));
      if (all.length >= (res.body.total as number) || res.body.items.length === 0) return all;
    }
  };

  it('shows platform admins everyone, and searches names and e-mails in any case', async () => {
    expect(await everyone(admin)).toEqual(expect.arrayContaining([DEMO.learner.email, DEMO.trainer.email]));
    const search = await call(t, admin, 'get', '/api/users?query=DEVON');
    expect(emails(search.body)).toEqual([DEMO.learner.email]);
    const byMail = await call(t, admin, 'get', '/api/users?query=Trainer%40Demo');
    expect(emails(byMail.body)).toEqual([DEMO.trainer.email]);
  });

  it('shows institution admins only members of their institutions, with only those memberships', async () => {
    const both = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'both');
    await db.query(`INSERT INTO membership (user_id, institution_id, role) VALUES ($1, $2, 'learner')`, [
      both.id,
      other,
    ]);
    const seen = await everyone(lcAdmin);
    expect(seen).toEqual(expect.arrayContaining([DEMO.trainer.email, both.email]));
    expect(seen).not.toContain(DEMO.learner.email);
    expect(seen).not.toContain(DEMO.admin.email);
    const mine = await call(t, lcAdmin, 'get', `/api/users?query=${encodeURIComponent(both.email)}`);
    const mixed = mine.body.items.find((u: { email: string }) => u.email === both.email);
    expect(mixed.memberships).toEqual([expect.objectContaining({ institutionId: lc, role: 'learner' })]);
    const foreign = await call(t, lcAdmin, 'get', `/api/users?institutionId=${other}`);
    expect(foreign.status).toBe(403);
    const learnerId = (await call(t, admin, 'get', '/api/users?query=devon')).body.items[0].id;
    expect((await call(t, lcAdmin, 'get', `/api/users/${learnerId}`)).status).toBe(404);
    expect((await call(t, admin, 'get', `/api/users/${learnerId}`)).status).toBe(200);
  });

  it('filters by institution and status, and validates the query', async () => {
    const res = await call(t, admin, 'get', `/api/users?institutionId=${lc}&status=active`);
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    const bad = await call(t, admin, 'get', '/api/users?status=asleep&institutionId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'institutionId',
      'status',
    ]);
  });

  it('refuses trainers and learners (403) and anonymous callers (401)', async () => {
    const trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    expect((await call(t, trainer, 'get', '/api/users')).status).toBe(403);
    const learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    expect((await call(t, learner, 'get', '/api/users')).status).toBe(403);
    expect((await call(t, undefined, 'get', '/api/users')).status).toBe(401);
  });

  it('deactivates: ends the sessions, revokes API tokens, refuses sign-in, audited; then reactivates', async () => {
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'deactivated');
    const session = await signIn(t, person.email, person.password);
    await db.query(
      `INSERT INTO api_token (user_id, name, token_hash, prefix, scopes, expires_at)
       VALUES ($1, 'script', decode(md5(random()::text), 'hex'), 'arch_', '{read}', now() + interval '1 day')`,
      [person.id],
    );
    const res = await call(t, lcAdmin, 'post', `/api/users/${person.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: person.id, status: 'deactivated' });
    expect((await call(t, session, 'get', '/api/me')).status).toBe(401);
    const [tokens] = (await db.query(
      `SELECT count(*)::int AS open FROM api_token WHERE user_id = $1 AND revoked_at IS NULL`,
      [person.id],
    )) as { open: number }[];
    expect(tokens!.open).toBe(0);
    await expect(signIn(t, person.email, person.password)).rejects.toThrow(/403/);
    const again = await call(t, lcAdmin, 'post', `/api/users/${person.id}/deactivate`);
    expect(again.status).toBe(409);
    const back = await call(t, lcAdmin, 'post', `/api/users/${person.id}/reactivate`);
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('active');
    expect((await signIn(t, person.email, person.password)).userId).toBe(person.id);
    expect((await auditActions(t, person.id)).map((e) => e.action)).toEqual([
      'account.deactivated',
      'account.reactivated',
    ]);
    const details = (await auditActions(t, person.id))[0]!.details;
    expect(details).toEqual({ sessionsEnded: 1, apiTokensRevoked: 1 });
  });

  it('keeps institution admins within their institutions, changing nothing otherwise', async () => {
    const outsider = await createPerson(
      t,
      { institutionId: other, role: InstitutionRole.Learner },
      'outsider',
    );
    const hidden = await call(t, lcAdmin, 'post', `/api/users/${outsider.id}/deactivate`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).not.toMatch(/outsider/);
    const shared = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'shared');
    await db.query(`INSERT INTO membership (user_id, institution_id, role) VALUES ($1, $2, 'trainer')`, [
      shared.id,
      other,
    ]);
    const partly = await call(t, otherAdmin, 'post', `/api/users/${shared.id}/deactivate`);
    expect(partly.status).toBe(403);
    expect(partly.body.detail).toMatch(/institutions you do not administer/);
    expect(await statusOf(outsider.id)).toBe('active');
    expect(await statusOf(shared.id)).toBe('active');
    // A platform admin may.
    expect((await call(t, admin, 'post', `/api/users/${shared.id}/deactivate`)).status).toBe(200);
  });

  it('never lets anyone deactivate themselves, nor an institution admin a platform admin', async () => {
    const self = await call(t, lcAdmin, 'post', `/api/users/${lcAdmin.userId}/deactivate`);
    expect(self.status).toBe(409);
    const staff = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'staff');
    await db.query(`UPDATE user_account SET is_platform_admin = true WHERE id = $1`, [staff.id]);
    const res = await call(t, lcAdmin, 'post', `/api/users/${staff.id}/deactivate`);
    expect(res.status).toBe(403);
    expect(await statusOf(staff.id)).toBe('active');
    expect((await call(t, admin, 'post', `/api/users/${admin.userId}/deactivate`)).status).toBe(409);
  });

  it('grants and withdraws platform administration, audited, but not for oneself', async () => {
    const person = await createPerson(t, undefined, 'promoted');
    const path = `/api/users/${person.id}/platform-admin`;
    expect((await call(t, lcAdmin, 'patch', path).send({ isPlatformAdmin: true })).status).toBe(403);
    const granted = await call(t, admin, 'patch', path).send({ isPlatformAdmin: true });
    expect(granted.status).toBe(200);
    expect(granted.body.isPlatformAdmin).toBe(true);
    expect((await call(t, admin, 'patch', path).send({ isPlatformAdmin: false })).body.isPlatformAdmin).toBe(
      false,
    );
    expect(await auditActions(t, person.id)).toEqual([
      { action: 'role.platform_admin_changed', details: { from: false, to: true } },
      { action: 'role.platform_admin_changed', details: { from: true, to: false } },
    ]);
    const self = await call(t, admin, 'patch', `/api/users/${admin.userId}/platform-admin`).send({
      isPlatformAdmin: false,
    });
    expect(self.status).toBe(409);
    const bad = await call(t, admin, 'patch', path).send({ isPlatformAdmin: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('isPlatformAdmin');
    const unknown = call(t, admin, 'patch', '/api/users/00000000-0000-4000-8000-000000000000/platform-admin');
    expect((await unknown.send({ isPlatformAdmin: true })).status).toBe(404);
  });
});

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
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('invitations', () => {
  let t: TestApp;
  let db: DataSource;
  let lc: string;
  let admin: TestSession;
  let lcAdmin: TestSession;
  let otherAdmin: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    admin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    lcAdmin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    const second = await createInstitutionWithAdmin(t, 'invitations');
    otherAdmin = await signIn(t, second.admin.email, second.admin.password);
  });
  afterAll(() => t.close());

  const newEmail = (label = 'invitee') => `${unique(label)}@Example.org`;
  const invite = (session: TestSession, body: object, institutionId = lc) =>
    call(t, session, 'post', `/api/institutions/${institutionId}/invitations`).send(body);
  const lastMail = async (to: string) =>
    (
      (await db.query(
        `SELECT subject, text_body, language FROM mail_message WHERE lower(recipient) = lower($1) ORDER BY created_at DESC, id LIMIT 1`,
        [to],
      )) as { subject: string; text_body: string; language: string }[]
    )[0]!;
  const tokenFrom = (text: string) => /\/invitations\/accept\?token=([\w-]+)/.exec(text)![1]!;
  const accept = (body: object, session?: TestSession) =>
    call(t, session, 'post', '/api/invitations/accept').send(body);
  const membership = async (email: string, institutionId = lc) =>
    (
      (await db.query(
        `SELECT m.role FROM membership m JOIN user_account u ON u.id = m.user_id
          WHERE lower(u.email) = lower($1) AND m.institution_id = $2`,
        [email, institutionId],
      )) as { role: string }[]
    )[0]?.role;

  it('invites by e-mail in the chosen language, with a 7-day link, audited', async () => {
    const email = newEmail();
    const res = await invite(lcAdmin, { email, role: 'trainer', language: 'es' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email,
      role: 'trainer',
      language: 'es',
      status: 'open',
      institutionId: lc,
    });
    const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const mail = await lastMail(email);
    expect(mail.language).toBe('es');
    expect(mail.subject).toBe(
      'Le invitan a Saint Lucia Public Service Training Centre (demo) en Archipelago',
    );
    expect(mail.text_body).toContain('Marcus Institution-Admin');
    expect(mail.text_body).toContain(`http://localhost:3000/invitations/accept?token=`);
    expect(mail.text_body).toContain(`Hola, ${email.split('@')[0]}`);
    expect(mail.text_body).toContain('como formador o formadora');
    expect(mail.text_body).toMatch(/válida hasta el \d+ de \w+ de \d{4}/);
    expect(await auditActions(t, res.body.id)).toEqual([
      expect.objectContaining({ action: 'invitation.created' }),
    ]);
  });

  it('refuses members already in the institution (any case), bad input, and other institutions', async () => {
    const dup = await invite(lcAdmin, { email: DEMO.trainer.email.toUpperCase(), role: 'learner' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('email');
    const bad = await invite(lcAdmin, { email: 'nope', role: 'owner', language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'language',
      'role',
    ]);
    const email = newEmail('foreign');
    const foreign = await invite(otherAdmin, { email, role: 'learner' });
    expect(foreign.status).toBe(403);
    const trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    expect((await invite(trainer, { email, role: 'learner' })).status).toBe(403);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM invitation WHERE lower(email) = lower($1)`,
      [email],
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('replaces the open invitation when the same address is invited again', async () => {
    const email = newEmail('twice');
    const first = await invite(lcAdmin, { email, role: 'learner' });
    const firstToken = tokenFrom((await lastMail(email)).text_body);
    const second = await invite(admin, { email: email.toLowerCase(), role: 'trainer' });
    expect(second.status).toBe(201);
    const list = await call(t, lcAdmin, 'get', `/api/institutions/${lc}/invitations?status=revoked`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(first.body.id);
    const open = await call(t, lcAdmin, 'get', `/api/institutions/${lc}/invitations?status=open`);
    expect(open.body.items.map((i: { id: string }) => i.id)).toContain(second.body.id);
    expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(first.body.id);
    const old = await t.http.get(`/api/invitations/${firstToken}`);
    expect(old.status).toBe(410);
    expect(old.body).toMatchObject({ type: 'urn:archipelago:problem:gone', reason: 'revoked' });
  });

  it('shows the invitee what they are accepting, and nothing for unknown tokens', async () => {
    const email = newEmail('preview');
    await invite(lcAdmin, { email, role: 'trainer' });
    const token = tokenFrom((await lastMail(email)).text_body);
    const res = await t.http.get(`/api/invitations/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      email,
      institutionName: 'Saint Lucia Public Service Training Centre (demo)',
      role: 'trainer',
      expiresAt: expect.any(String),
      accountExists: false,
      // Only an invitation into a cohort carries a name given by the inviter.
      suggestedDisplayName: null,
    });
    expect((await t.http.get('/api/invitations/made-up-token')).status).toBe(404);
  });

  it('creates the account on acceptance, signs in, and is single-use', async () => {
    const email = newEmail('newcomer');
    const created = await invite(lcAdmin, { email, role: 'trainer', language: 'fr' });
    const token = tokenFrom((await lastMail(email)).text_body);
    const missing = await accept({ token });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['displayName', 'password']);
    const weak = await accept({ token, displayName: 'New Trainer', password: 'short' });
    expect(weak.status).toBe(400);
    expect(await membership(email)).toBeUndefined();
    const res = await accept({ token, displayName: 'New Trainer', password: 'a very good password 2025' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      email,
      displayName: 'New Trainer',
      emailVerified: true,
      preferredLanguage: 'fr',
    });
    expect(res.body.memberships).toEqual([expect.objectContaining({ institutionId: lc, role: 'trainer' })]);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const me = await t.http.get('/api/me').set('cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);
    const reused = await accept({ token, displayName: 'Someone Else', password: 'another good password 1' });
    expect(reused.status).toBe(410);
    expect(reused.body.reason).toBe('accepted');
    expect((await t.http.get(`/api/invitations/${token}`)).body.reason).toBe('accepted');
    expect((await auditActions(t, created.body.id)).map((e) => e.action)).toEqual([
      'invitation.created',
      'invitation.accepted',
    ]);
  });

  it('asks an existing account to sign in first, then adds the membership', async () => {
    const person = await createPerson(t, undefined, 'existing');
    await invite(lcAdmin, { email: person.email.toUpperCase(), role: 'learner' });
    const token = tokenFrom((await lastMail(person.email)).text_body);
    expect((await t.http.get(`/api/invitations/${token}`)).body.accountExists).toBe(true);
    const anonymous = await accept({ token });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.detail).toMatch(/sign in/);
    const wrongPerson = await accept({ token }, lcAdmin);
    expect(wrongPerson.status).toBe(409);
    expect(await membership(person.email)).toBeUndefined();
    const session = await signIn(t, person.email, person.password);
    const noCsrf = await t.http.post('/api/invitations/accept').set('cookie', session.cookie).send({ token });
    expect(noCsrf.status).toBe(403);
    const res = await accept({ token }, session);
    expect(res.status).toBe(200);
    expect(res.body.memberships).toEqual([expect.objectContaining({ institutionId: lc, role: 'learner' })]);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await membership(person.email)).toBe('learner');
  });

  it('refuses expired invitations with 410', async () => {
    const email = newEmail('late');
    const created = await invite(lcAdmin, { email, role: 'learner' });
    const token = tokenFrom((await lastMail(email)).text_body);
    await db.query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      created.body.id,
    ]);
    const res = await accept({ token, displayName: 'Late Comer', password: 'a very good password 2025' });
    expect(res.status).toBe(410);
    expect(res.body.reason).toBe('expired');
    expect(await membership(email)).toBeUndefined();
    const expired = await call(t, lcAdmin, 'get', `/api/institutions/${lc}/invitations?status=expired`);
    expect(expired.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
  });

  it('lets exactly one of two simultaneous accepts through', async () => {
    const email = newEmail('race');
    await invite(lcAdmin, { email, role: 'learner' });
    const token = tokenFrom((await lastMail(email)).text_body);
    const body = { token, displayName: 'Racer', password: 'a very good password 2025' };
    const results = await Promise.all([accept(body), accept(body), accept(body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM user_account WHERE lower(email) = lower($1)`,
      [email],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('revokes an open invitation, audited; other institutions get 403 and unknown ids 404', async () => {
    const email = newEmail('revoked');
    const created = await invite(lcAdmin, { email, role: 'learner' });
    const token = tokenFrom((await lastMail(email)).text_body);
    const path = `/api/institutions/${lc}/invitations/${created.body.id}`;
    expect((await call(t, otherAdmin, 'delete', path)).status).toBe(403);
    expect((await call(t, otherAdmin, 'get', `/api/institutions/${lc}/invitations`)).status).toBe(403);
    expect((await call(t, lcAdmin, 'delete', path)).status).toBe(204);
    expect((await call(t, lcAdmin, 'delete', path)).status).toBe(409);
    expect((await t.http.get(`/api/invitations/${token}`)).body.reason).toBe('revoked');
    const unknown = await call(
      t,
      lcAdmin,
      'delete',
      `/api/institutions/${lc}/invitations/00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.status).toBe(404);
    expect((await auditActions(t, created.body.id)).map((e) => e.action)).toEqual([
      'invitation.created',
      'invitation.revoked',
    ]);
    const bad = await call(t, lcAdmin, 'get', `/api/institutions/${lc}/invitations?status=pending`);
    expect(bad.status).toBe(400);
  });

  it('refuses accepting into an institution one already belongs to, leaving the invitation open', async () => {
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'member');
    // Became a member (another way) after the invitation was sent.
    const email = person.email;
    await db.query(`DELETE FROM membership WHERE user_id = $1`, [person.id]);
    await invite(lcAdmin, { email, role: 'trainer' });
    await db.query(`INSERT INTO membership (user_id, institution_id, role) VALUES ($1, $2, 'learner')`, [
      person.id,
      lc,
    ]);
    const token = tokenFrom((await lastMail(email)).text_body);
    const session = await signIn(t, person.email, person.password);
    const res = await accept({ token }, session);
    expect(res.status).toBe(409);
    expect((await t.http.get(`/api/invitations/${token}`)).status).toBe(200);
  });

  it('accepts a learner invitation from someone who became a member meanwhile, keeping their role', async () => {
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Trainer }, 'member');
    await db.query(`DELETE FROM membership WHERE user_id = $1`, [person.id]);
    await invite(lcAdmin, { email: person.email, role: 'learner' });
    await db.query(`INSERT INTO membership (user_id, institution_id, role) VALUES ($1, $2, 'trainer')`, [
      person.id,
      lc,
    ]);
    const token = tokenFrom((await lastMail(person.email)).text_body);
    const session = await signIn(t, person.email, person.password);
    const res = await accept({ token }, session);
    expect(res.status).toBe(200);
    const roles = (await db.query(`SELECT role FROM membership WHERE user_id = $1 AND institution_id = $2`, [
      person.id,
      lc,
    ])) as { role: string }[];
    expect(roles).toEqual([{ role: 'trainer' }]);
    expect((await t.http.get(`/api/invitations/${token}`)).status).not.toBe(200);
  });
});

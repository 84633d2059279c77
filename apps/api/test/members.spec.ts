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

describe('institution members', () => {
  let t: TestApp;
  let lc: string;
  let admin: TestSession;
  let lcAdmin: TestSession;
  let trainer: TestSession;
  let otherAdmin: TestSession;
  let other: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).run();
    lc = await demoInstitutionId(t);
    admin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    lcAdmin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    const second = await createInstitutionWithAdmin(t, 'members');
    other = second.institutionId;
    otherAdmin = await signIn(t, second.admin.email, second.admin.password);
  });
  afterAll(() => t.close());

  const roleOf = async (userId: string, institutionId: string) =>
    (
      (await t.app
        .get(DataSource)
        .query(`SELECT role FROM membership WHERE user_id = $1 AND institution_id = $2`, [
          userId,
          institutionId,
        ])) as {
        role: string;
      }[]
    )[0]?.role;

  it('lists members with search and role filters for its admins and trainers', async () => {
    const res = await call(t, lcAdmin, 'get', `/api/institutions/${lc}/members`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { email: string }) => m.email)).toEqual(
      expect.arrayContaining([DEMO.institutionAdmin.email, DEMO.trainer.email]),
    );
    expect(Object.keys(res.body.items[0]).sort()).toEqual([
      'displayName',
      'email',
      'id',
      'joinedAt',
      'role',
      'status',
    ]);
    const search = await call(t, trainer, 'get', `/api/institutions/${lc}/members?query=RENÉE`);
    expect(search.status).toBe(200);
    expect(search.body.items.map((m: { email: string }) => m.email)).toEqual([DEMO.trainer.email]);
    const byRole = await call(t, admin, 'get', `/api/institutions/${lc}/members?role=institution_admin`);
    expect(byRole.body.items.every((m: { role: string }) => m.role === 'institution_admin')).toBe(true);
    const bad = await call(t, admin, 'get', `/api/institutions/${lc}/members?role=owner&pageSize=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'role']);
  });

  it("refuses another institution's admin (403), learners (403) and unknown institutions (404)", async () => {
    const res = await call(t, otherAdmin, 'get', `/api/institutions/${lc}/members`);
    expect(res.status).toBe(403);
    expect(res.body.items).toBeUndefined();
    const learner = await signIn(t, DEMO.learner.email, DEMO.learner.password);
    expect((await call(t, learner, 'get', `/api/institutions/${lc}/members`)).status).toBe(403);
    const gone = await call(
      t,
      admin,
      'get',
      '/api/institutions/00000000-0000-4000-8000-000000000000/members',
    );
    expect(gone.status).toBe(404);
  });

  it('changes a role, audited with from and to; trainers and other admins may not', async () => {
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'promoted');
    const path = `/api/institutions/${lc}/members/${person.id}`;
    expect((await call(t, trainer, 'patch', path).send({ role: 'trainer' })).status).toBe(403);
    expect((await call(t, otherAdmin, 'patch', path).send({ role: 'trainer' })).status).toBe(403);
    expect(await roleOf(person.id, lc)).toBe('learner');
    const res = await call(t, lcAdmin, 'patch', path).send({ role: 'trainer' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: person.id, role: 'trainer' });
    expect(await roleOf(person.id, lc)).toBe('trainer');
    const events = await auditActions(t, person.id);
    expect(events).toEqual([
      { action: 'membership.role_changed', details: { from: 'learner', to: 'trainer' } },
    ]);
    const invalid = await call(t, lcAdmin, 'patch', path).send({ role: 'platform_admin' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe('role');
  });

  it('answers 404 for someone who is not a member of the institution', async () => {
    const outsider = await createPerson(
      t,
      { institutionId: other, role: InstitutionRole.Learner },
      'outsider',
    );
    const res = await call(t, lcAdmin, 'patch', `/api/institutions/${lc}/members/${outsider.id}`).send({
      role: 'trainer',
    });
    expect(res.status).toBe(404);
    expect(await roleOf(outsider.id, other)).toBe('learner');
    expect((await call(t, lcAdmin, 'delete', `/api/institutions/${lc}/members/${outsider.id}`)).status).toBe(
      404,
    );
  });

  it('removes a member, audited', async () => {
    const person = await createPerson(t, { institutionId: lc, role: InstitutionRole.Learner }, 'removed');
    const res = await call(t, lcAdmin, 'delete', `/api/institutions/${lc}/members/${person.id}`);
    expect(res.status).toBe(204);
    expect(await roleOf(person.id, lc)).toBeUndefined();
    expect(await auditActions(t, person.id)).toEqual([
      { action: 'membership.removed', details: { role: 'learner' } },
    ]);
  });

  it('will not let the last institution admin demote or remove themselves', async () => {
    const lonely = await createInstitutionWithAdmin(t, 'lonely');
    const session = await signIn(t, lonely.admin.email, lonely.admin.password);
    const path = `/api/institutions/${lonely.institutionId}/members/${lonely.admin.id}`;
    const demote = await call(t, session, 'patch', path).send({ role: 'learner' });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toMatch(/last institution administrator/);
    expect((await call(t, session, 'delete', path)).status).toBe(409);
    expect(await roleOf(lonely.admin.id, lonely.institutionId)).toBe('institution_admin');
    // With a second admin, stepping down is fine.
    const colleague = await createPerson(
      t,
      { institutionId: lonely.institutionId, role: InstitutionRole.InstitutionAdmin },
      'colleague',
    );
    expect(colleague.id).toBeTruthy();
    expect((await call(t, session, 'patch', path).send({ role: 'trainer' })).status).toBe(200);
    expect(await roleOf(lonely.admin.id, lonely.institutionId)).toBe('trainer');
  });
});

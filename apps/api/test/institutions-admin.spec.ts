import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SeedService } from '../src/seed/seed.service.js';
import { auditActions, demoInstitutionId } from './admin-fixtures.js';
import { call, DEMO, signIn, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('administering institutions', () => {
  let t: TestApp;
  let admin: TestSession;
  let institutionAdmin: TestSession;
  let lc: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).run();
    admin = await signIn(t, DEMO.admin.email, DEMO.admin.password);
    institutionAdmin = await signIn(t, DEMO.institutionAdmin.email, DEMO.institutionAdmin.password);
    lc = await demoInstitutionId(t);
  });
  afterAll(() => t.close());

  const count = async () =>
    ((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM institution`)) as { n: number }[])[0]!
      .n;
  const body = () => ({
    name: 'Test Ministry',
    slug: unique('test-ministry'),
    country: 'zz',
    kind: 'ministry',
  });

  it('shows one institution to anyone, with the directory fields', async () => {
    const res = await t.http.get(`/api/institutions/${lc}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: lc,
      name: 'Saint Lucia Public Service Training Centre (demo)',
      slug: 'lc-public-service-training',
      country: 'LC',
      kind: 'school_of_public_administration',
    });
    expect((await t.http.get('/api/institutions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await t.http.get('/api/institutions/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID', in: 'params' }]);
  });

  it('lets a platform admin add an institution, audited', async () => {
    const input = body();
    const res = await call(t, admin, 'post', '/api/institutions').send(input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Test Ministry',
      slug: input.slug,
      country: 'ZZ',
      kind: 'ministry',
    });
    expect(await auditActions(t, res.body.id)).toEqual([
      expect.objectContaining({ action: 'institution.created' }),
    ]);
  });

  it('refuses a duplicate slug with 409 naming the field, and bad fields with 400', async () => {
    const input = body();
    expect((await call(t, admin, 'post', '/api/institutions').send(input)).status).toBe(201);
    const before = await count();
    const duplicate = await call(t, admin, 'post', '/api/institutions').send({ ...input, name: 'Another' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'slug' })]);
    const invalid = await call(t, admin, 'post', '/api/institutions').send({
      name: ' ',
      slug: 'Not A Slug',
      country: 'ZZZ',
      kind: 'club',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'country',
      'kind',
      'name',
      'slug',
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses institution admins and anonymous callers, changing nothing', async () => {
    const before = await count();
    expect((await call(t, institutionAdmin, 'post', '/api/institutions').send(body())).status).toBe(403);
    expect((await call(t, undefined, 'post', '/api/institutions').send(body())).status).toBe(401);
    const patch = await call(t, institutionAdmin, 'patch', `/api/institutions/${lc}`).send({
      name: 'Mine now',
    });
    expect(patch.status).toBe(403);
    expect((await t.http.get(`/api/institutions/${lc}`)).body.name).toBe(
      'Saint Lucia Public Service Training Centre (demo)',
    );
    expect(await count()).toBe(before);
  });

  it('changes only the fields sent, audited with from and to', async () => {
    const created = (await call(t, admin, 'post', '/api/institutions').send(body())).body;
    const res = await call(t, admin, 'patch', `/api/institutions/${created.id}`).send({
      name: 'Renamed Ministry',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed Ministry', slug: created.slug, country: 'ZZ' });
    const events = await auditActions(t, created.id);
    expect(events.map((e) => e.action)).toEqual(['institution.created', 'institution.updated']);
    expect(events[1]!.details).toEqual({
      changes: { name: { from: 'Test Ministry', to: 'Renamed Ministry' } },
    });
  });

  it('refuses null, a taken slug and an unknown id on change', async () => {
    const created = (await call(t, admin, 'post', '/api/institutions').send(body())).body;
    const nulled = await call(t, admin, 'patch', `/api/institutions/${created.id}`).send({ name: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.errors[0].field).toBe('name');
    const taken = await call(t, admin, 'patch', `/api/institutions/${created.id}`).send({
      slug: 'lc-public-service-training',
    });
    expect(taken.status).toBe(409);
    expect((await t.http.get(`/api/institutions/${created.id}`)).body.slug).toBe(created.slug);
    const unknown = await call(
      t,
      admin,
      'patch',
      '/api/institutions/00000000-0000-4000-8000-000000000000',
    ).send({
      name: 'x',
    });
    expect(unknown.status).toBe(404);
  });
});

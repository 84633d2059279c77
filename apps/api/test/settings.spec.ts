import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SeedService } from '../src/seed/seed.service.js';
import { auditActions, call, signIn, signUp, type Browser } from './account-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

describe('platform settings', () => {
  let t: TestApp;
  let admin: Browser;
  let learner: Browser;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(SeedService).run();
    admin = await signIn(t, 'admin@demo.archipelago.local', 'demo-admin-password');
    learner = await signIn(t, 'learner@demo.archipelago.local', 'demo-learner-password');
  });
  afterAll(async () => {
    // Other specs of the run share the database: leave sign-up open as it was.
    await call(t, 'patch', '/api/settings', admin, { signUpOpen: true });
    await t.close();
  });

  it('opens sign-up by default, and says so publicly', async () => {
    const res = await t.http.get('/api/settings/public');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ signUpOpen: true });
  });

  it('lets only platform admins read and change the settings', async () => {
    expect((await t.http.get('/api/settings')).status).toBe(401);
    expect((await call(t, 'patch', '/api/settings', undefined, { signUpOpen: false })).status).toBe(401);
    expect((await call(t, 'get', '/api/settings', learner)).status).toBe(403);
    expect((await call(t, 'patch', '/api/settings', learner, { signUpOpen: false })).status).toBe(403);
    expect((await t.http.get('/api/settings/public')).body).toEqual({ signUpOpen: true });
    const res = await call(t, 'get', '/api/settings', admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ signUpOpen: true });
  });

  it('refuses a value that is not a boolean, changing nothing', async () => {
    const res = await call(t, 'patch', '/api/settings', admin, { signUpOpen: 'no' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('signUpOpen');
    const unknown = await call(t, 'patch', '/api/settings', admin, { somethingElse: true });
    expect(unknown.status).toBe(400);
    expect((await t.http.get('/api/settings/public')).body).toEqual({ signUpOpen: true });
  });

  it('closes sign-up: 403 for newcomers, audited, and opens again', async () => {
    const closed = await call(t, 'patch', '/api/settings', admin, { signUpOpen: false });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ signUpOpen: false });
    expect((await t.http.get('/api/settings/public')).body).toEqual({ signUpOpen: false });
    await expect(signUp(t)).rejects.toThrow(/sign-up failed: 403/);
    expect(await auditActions(t, admin.userId)).toContain('settings.changed');

    const open = await call(t, 'patch', '/api/settings', admin, { signUpOpen: true });
    expect(open.body).toEqual({ signUpOpen: true });
    await expect(signUp(t)).resolves.toMatchObject({ userId: expect.any(String) });
  });
});

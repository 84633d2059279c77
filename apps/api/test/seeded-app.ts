import { DataSource } from 'typeorm';
import { SeedService } from '../src/seed/seed.service.js';
import { demoInstitutionId } from './admin-fixtures.js';
import { DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Where most course specs start: the app with the demo seed, the demo Saint Lucia training centre
 * (`lc`) and the demo trainer signed in.
 */
export async function seededApp(): Promise<{ t: TestApp; db: DataSource; lc: string; trainer: TestSession }> {
  const t = await createTestApp();
  await t.app.get(SeedService).run();
  return {
    t,
    db: t.app.get(DataSource),
    lc: await demoInstitutionId(t),
    trainer: await signIn(t, DEMO.trainer.email, DEMO.trainer.password),
  };
}

import { createTestDatabase } from '@archipelago/testing';

/** One fresh database for the whole API test run; dropped in global-teardown. */
export default async function globalSetup() {
  const database = await createTestDatabase();
  process.env.TEST_DATABASE_URL = database.url;
  globalThis.__testDatabase = database;
}

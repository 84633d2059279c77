import { createTestDatabase } from '@archipelago/testing';

/**
 * One fresh database per jest worker for the whole API test run (test files share their worker's
 * database, as they would share one server); dropped in global-teardown.
 */
export default async function globalSetup(globalConfig) {
  const workers = globalConfig.runInBand ? 1 : Math.max(1, globalConfig.maxWorkers);
  globalThis.__testDatabases = [];
  for (let worker = 1; worker <= workers; worker += 1) {
    const database = await createTestDatabase();
    process.env[`TEST_DATABASE_URL_${worker}`] = database.url;
    globalThis.__testDatabases.push(database);
  }
}

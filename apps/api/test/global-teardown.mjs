export default async function globalTeardown() {
  for (const database of globalThis.__testDatabases ?? []) await database.drop();
}

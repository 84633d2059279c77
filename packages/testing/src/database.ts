import { EmbeddedPostgres } from '@archipelago/embedded-db';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test run, dropped afterwards, so that runs never see each
 * other's data. Uses the server in DATABASE_URL, or an embedded PostgreSQL when none is given.
 */
export async function createTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  const name = `archipelago_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  if (serverUrl) {
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
    return {
      url: withDatabase(serverUrl, name),
      name,
      drop: () =>
        admin(serverUrl, (c) =>
          c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
        ).then(() => undefined),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'archipelago-test-pg-'));
  const server = new EmbeddedPostgres({ dataDir, database: name });
  const url = await server.start();
  return {
    url,
    name,
    drop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

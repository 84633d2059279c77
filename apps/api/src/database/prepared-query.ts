import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * For the few queries that run on nearly every request: straight to the driver's pool as a named
 * prepared statement, so PostgreSQL plans it once per connection and no TypeORM query runner is made.
 */
export async function preparedQuery<Row extends QueryResultRow>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const result = await pool.query<Row>({ name, text, values });
  return result.rows;
}

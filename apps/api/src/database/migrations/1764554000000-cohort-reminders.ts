import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each learner of a cohort was last sent a reminder: a learner reminded in the last day is
 * skipped by the next reminder, so a second click (or a second facilitator) does not mail them
 * twice.
 */
export class CohortReminders1764554000000 implements MigrationInterface {
  name = 'CohortReminders1764554000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cohort_reminder (
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS cohort_reminder`);
  }
}

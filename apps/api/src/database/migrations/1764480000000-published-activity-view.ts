import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The courses module's second read model for learning: which activities each published version
 * holds. A progress write checks that its activity is in the learner's version inside the same
 * statement that records it, instead of a query before it.
 */
export class PublishedActivityView1764480000000 implements MigrationInterface {
  name = 'PublishedActivityView1764480000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE VIEW published_activity AS
      SELECT version_id, activity_id, kind FROM course_version_activity`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW published_activity`);
  }
}

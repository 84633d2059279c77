import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published versions of a course: each publish freezes the metadata, the outline (with the activity
 * ids that learners' progress refers to) and every activity's content, so learners can stay on the
 * version they enrolled in while authors keep editing the draft.
 */
export class CourseVersions1764450000000 implements MigrationInterface {
  name = 'CourseVersions1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE course_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        snapshot jsonb NOT NULL,
        change_log text NOT NULL DEFAULT '' CHECK (length(change_log) <= 5000),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        CONSTRAINT course_version_number_unique UNIQUE (course_id, number)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE course_version`);
  }
}

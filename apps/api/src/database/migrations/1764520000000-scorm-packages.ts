import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SCORM packages (ADR 0015, 0016): each upload is a package of its own, extracted once and never
 * changed, so a published course version keeps playing the package it was published with while
 * the draft moves on to a newer one. The scorm activity kind's draft row names its current package.
 *
 * A package has no foreign key to its activity: published versions outlive a draft activity that
 * is deleted, and they still play the package.
 */
export class ScormPackages1764520000000 implements MigrationInterface {
  name = 'ScormPackages1764520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scorm_package (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        activity_id uuid NOT NULL,
        scorm_version text NOT NULL CHECK (scorm_version IN ('1.2', '2004-2nd', '2004-3rd', '2004-4th')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        zip_bytes bigint NOT NULL CHECK (zip_bytes > 0),
        unpacked_bytes bigint NOT NULL CHECK (unpacked_bytes >= 0),
        file_count integer NOT NULL CHECK (file_count > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        manifest jsonb NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(warnings) = 'array'),
        uploaded_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX scorm_package_activity_idx ON scorm_package (activity_id, uploaded_at DESC)`,
    );
    await db.query(`CREATE INDEX scorm_package_course_idx ON scorm_package (course_id)`);

    await db.query(`
      CREATE TABLE scorm_content (
        activity_id uuid PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
        package_id uuid REFERENCES scorm_package (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account (id) ON DELETE SET NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scorm_content`);
    await db.query(`DROP TABLE scorm_package`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files (lesson images, PDFs, course covers) and the course cover. A file's row is written
 * only after its bytes are safely stored, so every row points to a complete file.
 */
export class StoredFiles1764470000000 implements MigrationInterface {
  name = 'StoredFiles1764470000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
        uploaded_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        media_type text NOT NULL
          CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf')),
        byte_size integer NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        storage_key text NOT NULL CONSTRAINT stored_file_storage_key_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX stored_file_institution_idx ON stored_file (institution_id, created_at DESC)`,
    );
    // A cover is one of the institution's images; a file in use as a cover cannot be deleted.
    await db.query(`
      ALTER TABLE course
        ADD COLUMN cover_file_id uuid REFERENCES stored_file (id) ON DELETE RESTRICT,
        ADD CONSTRAINT course_cover_needs_alt
          CHECK (cover_file_id IS NULL OR length(trim(coalesce(cover_alt, ''))) > 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE course DROP CONSTRAINT course_cover_needs_alt, DROP COLUMN cover_file_id`);
    await db.query(`DROP TABLE stored_file`);
  }
}

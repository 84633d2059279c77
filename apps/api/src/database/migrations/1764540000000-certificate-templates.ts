import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a course's certificates look like and how they are given (issue 7).
 *
 * - `certificate_course_setting`: one row per course once someone changes the defaults (no row:
 *   enabled, issued automatically, no expiry).
 * - `certificate_template`: immutable versions; saving a template inserts the next version, so an
 *   issued certificate keeps the exact template it was made with (`certificate.template_id`).
 * - `certificate_batch` and its items: an administrator's "issue to everyone eligible" request,
 *   worked through in the background; an item per learner is both the report (who got one, and
 *   why others did not) and what lets a restarted worker carry on where it stopped.
 */
export class CertificateTemplates1764540000000 implements MigrationInterface {
  name = 'CertificateTemplates1764540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE certificate_course_setting (
        course_id uuid PRIMARY KEY REFERENCES course (id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT true,
        issue_mode text NOT NULL DEFAULT 'automatic' CHECK (issue_mode IN ('automatic', 'approval')),
        validity_months integer CHECK (validity_months BETWEEN 1 AND 600),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account (id)
      )`);
    await db.query(`
      CREATE TABLE certificate_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        language text NOT NULL CHECK (language IN ('en', 'es', 'fr')),
        orientation text NOT NULL CHECK (orientation IN ('landscape', 'portrait')),
        logo_file_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(logo_file_ids) <= 3),
        signatories jsonb NOT NULL DEFAULT '[]'
          CHECK (jsonb_typeof(signatories) = 'array' AND jsonb_array_length(signatories) <= 3),
        created_by uuid REFERENCES user_account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_template_course_version_unique UNIQUE (course_id, version)
      )`);
    await db.query(`
      CREATE TABLE certificate_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id),
        requested_by uuid NOT NULL REFERENCES user_account (id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        total integer CHECK (total >= 0),
        processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
        issued integer NOT NULL DEFAULT 0 CHECK (issued >= 0),
        skipped integer NOT NULL DEFAULT 0 CHECK (skipped >= 0),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX certificate_batch_course ON certificate_batch (course_id, created_at DESC)`);
    await db.query(
      `CREATE INDEX certificate_batch_unfinished ON certificate_batch (created_at) WHERE status IN ('queued', 'running')`,
    );
    await db.query(`
      CREATE TABLE certificate_batch_item (
        batch_id uuid NOT NULL REFERENCES certificate_batch (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account (id),
        outcome text NOT NULL CHECK (length(outcome) BETWEEN 1 AND 40),
        certificate_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (batch_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE certificate_batch_item`);
    await db.query(`DROP TABLE certificate_batch`);
    await db.query(`DROP TABLE certificate_template`);
    await db.query(`DROP TABLE certificate_course_setting`);
  }
}

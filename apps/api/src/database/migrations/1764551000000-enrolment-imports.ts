import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk enrolment from a spreadsheet (issue 8, ADR 0019): the uploaded files and their validated rows.
 *
 * - `enrolment_import`: one upload into one cohort, from `validating` through `previewed` (or
 *   `rejected`, with the problem that says why) to `applying` and `applied` (or `failed`,
 *   `discarded`). The file's bytes are kept in `content` only until its rows are read, so that any
 *   API process can take the job up. `heartbeat_at` is how a job whose process died is noticed.
 * - `enrolment_import_row`: every data row as read, with its outcome and problems, keyed by the
 *   import and the row number so that a page of the preview, filtered by outcome, is an index range.
 */
export class EnrolmentImports1764551000000 implements MigrationInterface {
  name = 'EnrolmentImports1764551000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE enrolment_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        byte_size integer NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        language text NOT NULL CHECK (language IN ('en', 'es', 'fr')),
        status text NOT NULL DEFAULT 'validating' CHECK (
          status IN ('validating', 'previewed', 'rejected', 'applying', 'applied', 'failed', 'discarded')
        ),
        content bytea,
        total_rows integer NOT NULL DEFAULT 0 CHECK (total_rows >= 0),
        processed_rows integer NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
        new_accounts integer NOT NULL DEFAULT 0 CHECK (new_accounts >= 0),
        existing_accounts integer NOT NULL DEFAULT 0 CHECK (existing_accounts >= 0),
        already_enrolled integer NOT NULL DEFAULT 0 CHECK (already_enrolled >= 0),
        invalid integer NOT NULL DEFAULT 0 CHECK (invalid >= 0),
        has_reporting boolean NOT NULL DEFAULT false,
        notices jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(notices) = 'array'),
        problem jsonb CHECK (problem IS NULL OR jsonb_typeof(problem) = 'object'),
        skip_invalid_rows boolean,
        reporting_consent boolean,
        result jsonb,
        error text CHECK (error IS NULL OR length(error) <= 1000),
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz,
        confirmed_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        applied_at timestamptz,
        CONSTRAINT enrolment_import_rejected_has_problem CHECK ((status = 'rejected') = (problem IS NOT NULL)),
        CONSTRAINT enrolment_import_content_while_validating CHECK (content IS NULL OR status = 'validating'),
        CONSTRAINT enrolment_import_applied_when CHECK ((status = 'applied') = (applied_at IS NOT NULL)),
        CONSTRAINT enrolment_import_confirmed CHECK (
          status NOT IN ('applying', 'applied') OR (skip_invalid_rows IS NOT NULL AND reporting_consent IS NOT NULL)
        ),
        CONSTRAINT enrolment_import_processed_within_total CHECK (processed_rows <= total_rows)
      )`);
    await db.query(
      `CREATE INDEX enrolment_import_cohort_idx ON enrolment_import (cohort_id, created_at DESC)`,
    );
    // The workers' queue: small, so the claim never scans the history.
    await db.query(
      `CREATE INDEX enrolment_import_pending_idx ON enrolment_import (created_at) WHERE status IN ('validating', 'applying')`,
    );
    await db.query(`
      CREATE TABLE enrolment_import_row (
        import_id uuid NOT NULL REFERENCES enrolment_import (id) ON DELETE CASCADE,
        row_number integer NOT NULL CHECK (row_number BETWEEN 1 AND 100000),
        email text NOT NULL CHECK (length(email) <= 300),
        given_name text NOT NULL CHECK (length(given_name) <= 300),
        family_name text NOT NULL CHECK (length(family_name) <= 300),
        country text CHECK (length(country) <= 300),
        department text CHECK (length(department) <= 300),
        job_title text CHECK (length(job_title) <= 300),
        language text NOT NULL CHECK (length(language) <= 300),
        reporting jsonb CHECK (reporting IS NULL OR jsonb_typeof(reporting) = 'object'),
        outcome text NOT NULL CHECK (outcome IN ('new_account', 'existing_account', 'already_enrolled', 'invalid')),
        problems jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(problems) = 'array'),
        PRIMARY KEY (import_id, row_number),
        CONSTRAINT enrolment_import_row_invalid_has_problems CHECK ((outcome = 'invalid') = (problems <> '[]'::jsonb))
      )`);
    // A page of one outcome ("the rows with problems") in row order, without sorting the import.
    await db.query(
      `CREATE INDEX enrolment_import_row_outcome_idx ON enrolment_import_row (import_id, outcome, row_number)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS enrolment_import_row`);
    await db.query(`DROP TABLE IF EXISTS enrolment_import`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued certificates and the keys that sign them (issue 7, ADR 0017).
 *
 * - `issuer_key`: Ed25519 keys, the private half sealed with CREDENTIAL_KEY_SECRET. At most one is
 *   current (retired_at empty); retired keys stay published so old credentials keep verifying.
 * - `certificate`: one row per certificate, pending approval, issued or declined. What it says
 *   (learner name, course, hours, institution, dates) is copied in at issue, so later edits to the
 *   course or the account never change a certificate already given. A re-issue inserts a new row
 *   and points the old one at it (`superseded_by`); revocation is a state of the row, and its
 *   `status_index` is the credential's bit in the Bitstring Status List (list = index / 131072 + 1).
 *   Only one live certificate per learner and course: the partial unique index.
 */
export class Certificates1764541000000 implements MigrationInterface {
  name = 'Certificates1764541000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE issuer_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kid text NOT NULL UNIQUE,
        public_jwk jsonb NOT NULL,
        sealed_private_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX issuer_key_one_current ON issuer_key ((true)) WHERE retired_at IS NULL`,
    );
    await db.query(`CREATE SEQUENCE certificate_status_index AS bigint MINVALUE 0 START 0`);
    await db.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{16}$'),
        course_id uuid NOT NULL REFERENCES course (id),
        user_id uuid NOT NULL REFERENCES user_account (id),
        enrolment_id uuid REFERENCES enrolment (id),
        template_id uuid NOT NULL REFERENCES certificate_template (id),
        state text NOT NULL CHECK (state IN ('pending', 'issued', 'declined')),
        issue_source text NOT NULL CHECK (issue_source IN ('automatic', 'admin', 'batch', 'reissue')),
        issue_reason text CHECK (length(issue_reason) <= 500),
        learner_name text NOT NULL CHECK (length(learner_name) BETWEEN 1 AND 200),
        course_title text NOT NULL,
        course_hours numeric(5, 1),
        institution_name text NOT NULL,
        cohort_name text,
        language text NOT NULL CHECK (language IN ('en', 'es', 'fr')),
        completed_at timestamptz NOT NULL,
        issued_at timestamptz,
        issued_by uuid REFERENCES user_account (id),
        expires_at timestamptz,
        status_index bigint NOT NULL UNIQUE DEFAULT nextval('certificate_status_index'),
        kid text REFERENCES issuer_key (kid),
        credential_jws text,
        declined_at timestamptz,
        declined_by uuid REFERENCES user_account (id),
        decline_reason text CHECK (length(decline_reason) <= 500),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES user_account (id),
        revocation_reason text CHECK (length(revocation_reason) BETWEEN 1 AND 500),
        revocation_reason_public boolean NOT NULL DEFAULT false,
        superseded_by uuid REFERENCES certificate (id),
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_issued_is_signed
          CHECK (state <> 'issued' OR (issued_at IS NOT NULL AND credential_jws IS NOT NULL AND kid IS NOT NULL)),
        CONSTRAINT certificate_declined_has_date CHECK ((state = 'declined') = (declined_at IS NOT NULL)),
        CONSTRAINT certificate_revocation_complete CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
        CONSTRAINT certificate_only_issued_revoked CHECK (revoked_at IS NULL OR state = 'issued'),
        CONSTRAINT certificate_supersession_complete CHECK ((superseded_by IS NULL) = (superseded_at IS NULL)),
        CONSTRAINT certificate_expires_after_issue CHECK (expires_at IS NULL OR expires_at > issued_at)
      )`);
    await db.query(`
      CREATE UNIQUE INDEX certificate_one_live ON certificate (user_id, course_id)
        WHERE superseded_at IS NULL AND revoked_at IS NULL AND state <> 'declined'`);
    await db.query(`CREATE INDEX certificate_course ON certificate (course_id, created_at DESC)`);
    await db.query(`CREATE INDEX certificate_learner ON certificate (user_id, created_at DESC)`);
    await db.query(
      `CREATE INDEX certificate_revoked ON certificate (status_index) WHERE revoked_at IS NOT NULL`,
    );
    await db.query(`ALTER TABLE certificate_batch_item
      ADD CONSTRAINT certificate_batch_item_certificate FOREIGN KEY (certificate_id) REFERENCES certificate (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate_batch_item DROP CONSTRAINT certificate_batch_item_certificate`);
    await db.query(`DROP TABLE certificate`);
    await db.query(`DROP SEQUENCE certificate_status_index`);
    await db.query(`DROP TABLE issuer_key`);
  }
}

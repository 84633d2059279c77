import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions, tokens, invitations, mail outbox, audit log, rate limits and platform
 * settings. Constraints live here so that concurrent requests cannot break them.
 */
export class Accounts1764430000000 implements MigrationInterface {
  name = 'Accounts1764430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE account_status AS ENUM ('active', 'deactivated', 'deleted')`);
    await db.query(`
      ALTER TABLE user_account
        ADD COLUMN status account_status NOT NULL DEFAULT 'active',
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN country char(2) CHECK (country ~ '^[A-Z]{2}$'),
        ADD COLUMN department text CHECK (length(department) <= 200),
        ADD COLUMN job_title text CHECK (length(job_title) <= 200),
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN deleted_at timestamptz`);
    // Seeded demo accounts count as verified: they were created by the platform itself.
    await db.query(`UPDATE user_account SET email_verified_at = created_at`);

    await db.query(`
      CREATE TABLE reporting_profile (
        user_id uuid PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
        sex text CHECK (sex IN ('female', 'male', 'another', 'prefer_not_to_say')),
        age_band text CHECK (age_band IN ('under_25', '25_34', '35_44', '45_54', '55_64', '65_plus', 'prefer_not_to_say')),
        disability text CHECK (disability IN ('yes', 'no', 'prefer_not_to_say')),
        island_region text CHECK (length(island_region) BETWEEN 1 AND 100),
        consented_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL CONSTRAINT session_token_hash_unique UNIQUE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip inet,
        user_agent text CHECK (length(user_agent) <= 500)
      )`);
    await db.query(`CREATE INDEX session_user_idx ON session (user_id) WHERE revoked_at IS NULL`);

    await db.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
        token_hash bytea NOT NULL CONSTRAINT api_token_hash_unique UNIQUE,
        prefix text NOT NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_token_user_idx ON api_token (user_id)`);

    await db.query(
      `CREATE TYPE account_token_purpose AS ENUM ('verify_email', 'reset_password', 'change_email')`,
    );
    await db.query(`
      CREATE TABLE account_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        purpose account_token_purpose NOT NULL,
        token_hash bytea NOT NULL CONSTRAINT account_token_hash_unique UNIQUE,
        new_email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK ((purpose = 'change_email') = (new_email IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX account_token_user_purpose_idx ON account_token (user_id, purpose)`);

    await db.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
        role institution_role NOT NULL,
        language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es', 'fr')),
        token_hash bytea NOT NULL CONSTRAINT invitation_token_hash_unique UNIQUE,
        invited_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        revoked_at timestamptz
      )`);
    // One open invitation per person and institution: inviting again replaces the old one.
    await db.query(`
      CREATE UNIQUE INDEX invitation_open_unique ON invitation (lower(email), institution_id)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`);

    await db.query(`
      CREATE TABLE mail_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        language text NOT NULL,
        template text NOT NULL,
        transport text NOT NULL CHECK (transport IN ('smtp', 'outbox')),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        error text
      )`);
    await db.query(
      `CREATE INDEX mail_message_recipient_idx ON mail_message (lower(recipient), created_at DESC)`,
    );

    await db.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL CHECK (action ~ '^[a-z_]+\\.[a-z_]+$'),
        actor_id uuid,
        actor_email text,
        target_type text,
        target_id text,
        institution_id uuid,
        ip inet,
        user_agent text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, occurred_at DESC)`);
    // Append-only: the application can add events, never change or remove them.
    await db.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);

    await db.query(`
      CREATE TABLE rate_limit (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        hits integer NOT NULL CHECK (hits >= 0)
      )`);

    await db.query(`
      CREATE TABLE platform_setting (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-zA-Z]+$'),
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account (id) ON DELETE SET NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE platform_setting`);
    await db.query(`DROP TABLE rate_limit`);
    await db.query(`DROP TABLE audit_event`);
    await db.query(`DROP FUNCTION audit_event_is_append_only`);
    await db.query(`DROP TABLE mail_message`);
    await db.query(`DROP TABLE invitation`);
    await db.query(`DROP TABLE account_token`);
    await db.query(`DROP TYPE account_token_purpose`);
    await db.query(`DROP TABLE api_token`);
    await db.query(`DROP TABLE session`);
    await db.query(`DROP TABLE reporting_profile`);
    await db.query(`
      ALTER TABLE user_account
        DROP COLUMN status, DROP COLUMN email_verified_at, DROP COLUMN country, DROP COLUMN department,
        DROP COLUMN job_title, DROP COLUMN password_changed_at, DROP COLUMN deleted_at`);
    await db.query(`DROP TYPE account_status`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Institutions, user accounts and memberships: the minimum the demo seed and later modules need. */
export class Foundation1764426000000 implements MigrationInterface {
  name = 'Foundation1764426000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TYPE institution_kind AS ENUM ('school_of_public_administration', 'ministry', 'regional_body')`,
    );
    await db.query(`
      CREATE TABLE institution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        slug text NOT NULL CONSTRAINT institution_slug_unique UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        kind institution_kind NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX institution_country_name_idx ON institution (country, name)`);
    await db.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        display_name text NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 200),
        password_hash text NOT NULL,
        preferred_language text NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'es', 'fr')),
        is_platform_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX user_account_email_unique ON user_account (lower(email))`);
    await db.query(`CREATE TYPE institution_role AS ENUM ('learner', 'trainer', 'institution_admin')`);
    await db.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
        role institution_role NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT membership_user_institution_unique UNIQUE (user_id, institution_id)
      )`);
    await db.query(`CREATE INDEX membership_institution_idx ON membership (institution_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE membership`);
    await db.query(`DROP TYPE institution_role`);
    await db.query(`DROP TABLE user_account`);
    await db.query(`DROP TABLE institution`);
    await db.query(`DROP TYPE institution_kind`);
  }
}

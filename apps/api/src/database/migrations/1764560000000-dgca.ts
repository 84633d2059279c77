import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digital Government Capability Assessment (issue 9).
 *
 * - `dgca_framework` and `dgca_framework_version`: a framework is edited as a draft version and
 *   frozen when published; assessments point at a published version, so editing the framework
 *   later never changes an assessment already taken. At most one draft per framework.
 * - `dgca_dimension`, `dgca_statement`, `dgca_recommendation`: a version's content. A dimension's
 *   `key` stays the same across versions, which is how a re-assessment is compared with the one
 *   before it. Recommendations point at course modules (or a whole course).
 * - `dgca_assessment`: one self-assessment of a country or an institution, organised by an
 *   institution (whose administrators run it). Status moves draft → individual → consensus →
 *   completed; a completed assessment's ratings, consensus and settings are final.
 * - `dgca_participant`: the rater. Ratings hang on the participant row, not the account, so that
 *   deleting an account later keeps the anonymous ratings a completed profile was computed from.
 * - `dgca_invitee`: people invited by e-mail who have no account yet; accepting the invitation
 *   makes them participants.
 * - `dgca_rating`: one participant's rating of one statement; `value` NULL means "don't know".
 * - `dgca_consensus`: the group's agreed rating per statement, recorded by the facilitator.
 * - `dgca_action`, `dgca_action_update`: the action plan drawn from the gaps, and its progress log.
 */
export class Dgca1764560000000 implements MigrationInterface {
  name = 'Dgca1764560000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dgca_framework (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX dgca_framework_name_unique ON dgca_framework (lower(name))`);
    await db.query(`
      CREATE TABLE dgca_framework_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_id uuid NOT NULL REFERENCES dgca_framework (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es', 'fr')),
        scale jsonb NOT NULL DEFAULT '[]',
        revision integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        UNIQUE (framework_id, number),
        CONSTRAINT dgca_version_published_at CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX dgca_framework_one_draft ON dgca_framework_version (framework_id) WHERE status = 'draft'`,
    );
    await db.query(`
      CREATE TABLE dgca_dimension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES dgca_framework_version (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(key) <= 60),
        position integer NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        UNIQUE (version_id, key)
      )`);
    await db.query(`
      CREATE TABLE dgca_statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dimension_id uuid NOT NULL REFERENCES dgca_dimension (id) ON DELETE CASCADE,
        position integer NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 1000),
        guidance text NOT NULL DEFAULT '' CHECK (length(guidance) <= 2000)
      )`);
    await db.query(`CREATE INDEX dgca_statement_dimension_idx ON dgca_statement (dimension_id, position)`);
    await db.query(`
      CREATE TABLE dgca_recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dimension_id uuid NOT NULL REFERENCES dgca_dimension (id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        module_id uuid REFERENCES course_module (id) ON DELETE CASCADE,
        position integer NOT NULL
      )`);
    await db.query(`CREATE INDEX dgca_recommendation_dimension_idx ON dgca_recommendation (dimension_id)`);

    await db.query(`
      CREATE TABLE dgca_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES dgca_framework_version (id) ON DELETE RESTRICT,
        institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
        subject text NOT NULL CHECK (subject IN ('country', 'institution')),
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'individual', 'consensus', 'completed')),
        starts_on date,
        individual_due_on date,
        consensus_on date,
        previous_assessment_id uuid REFERENCES dgca_assessment (id) ON DELETE SET NULL,
        regional_opt_in boolean NOT NULL DEFAULT false,
        revision integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        individual_opened_at timestamptz,
        consensus_opened_at timestamptz,
        completed_at timestamptz,
        CONSTRAINT dgca_assessment_not_its_own_previous CHECK (previous_assessment_id <> id),
        CONSTRAINT dgca_assessment_completed_at CHECK ((status = 'completed') = (completed_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX dgca_assessment_institution_idx ON dgca_assessment (institution_id)`);
    await db.query(`CREATE INDEX dgca_assessment_version_idx ON dgca_assessment (version_id)`);
    await db.query(`
      CREATE TABLE dgca_participant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES dgca_assessment (id) ON DELETE CASCADE,
        user_id uuid REFERENCES user_account (id) ON DELETE SET NULL,
        added_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        UNIQUE (assessment_id, user_id)
      )`);
    await db.query(`CREATE INDEX dgca_participant_user_idx ON dgca_participant (user_id)`);
    await db.query(`
      CREATE TABLE dgca_invitee (
        assessment_id uuid NOT NULL REFERENCES dgca_assessment (id) ON DELETE CASCADE,
        invitation_id uuid NOT NULL REFERENCES invitation (id) ON DELETE CASCADE,
        display_name text CHECK (display_name IS NULL OR length(btrim(display_name)) BETWEEN 1 AND 200),
        added_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_id, invitation_id)
      )`);
    await db.query(`CREATE INDEX dgca_invitee_invitation_idx ON dgca_invitee (invitation_id)`);
    await db.query(`
      CREATE TABLE dgca_rating (
        participant_id uuid NOT NULL REFERENCES dgca_participant (id) ON DELETE CASCADE,
        statement_id uuid NOT NULL REFERENCES dgca_statement (id) ON DELETE RESTRICT,
        value smallint CHECK (value IS NULL OR value BETWEEN 0 AND 100),
        comment text CHECK (comment IS NULL OR length(comment) <= 2000),
        evidence_url text CHECK (evidence_url IS NULL OR (length(evidence_url) <= 2000 AND evidence_url ~* '^https?://')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (participant_id, statement_id)
      )`);
    await db.query(`CREATE INDEX dgca_rating_statement_idx ON dgca_rating (statement_id)`);
    await db.query(`
      CREATE TABLE dgca_consensus (
        assessment_id uuid NOT NULL REFERENCES dgca_assessment (id) ON DELETE CASCADE,
        statement_id uuid NOT NULL REFERENCES dgca_statement (id) ON DELETE RESTRICT,
        value smallint CHECK (value IS NULL OR value BETWEEN 0 AND 100),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
        recorded_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_id, statement_id)
      )`);
    await db.query(`
      CREATE TABLE dgca_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES dgca_assessment (id) ON DELETE CASCADE,
        dimension_key text NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        owner text NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
        starts_on date,
        ends_on date,
        resources text NOT NULL DEFAULT '' CHECK (length(resources) <= 2000),
        indicator text NOT NULL DEFAULT '' CHECK (length(indicator) <= 500),
        target text NOT NULL DEFAULT '' CHECK (length(target) <= 500),
        impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 3),
        feasibility smallint NOT NULL CHECK (feasibility BETWEEN 1 AND 3),
        status text NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'in-progress', 'done', 'on-hold', 'cancelled')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        revision integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dgca_action_dates_in_order CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query(`CREATE INDEX dgca_action_assessment_idx ON dgca_action (assessment_id)`);
    await db.query(`
      CREATE TABLE dgca_action_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL REFERENCES dgca_action (id) ON DELETE CASCADE,
        author_id uuid REFERENCES user_account (id) ON DELETE SET NULL,
        status text CHECK (status IS NULL OR status IN ('planned', 'in-progress', 'done', 'on-hold', 'cancelled')),
        progress smallint CHECK (progress IS NULL OR progress BETWEEN 0 AND 100),
        comment text NOT NULL CHECK (length(btrim(comment)) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX dgca_action_update_action_idx ON dgca_action_update (action_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'dgca_action_update',
      'dgca_action',
      'dgca_consensus',
      'dgca_rating',
      'dgca_invitee',
      'dgca_participant',
      'dgca_assessment',
      'dgca_recommendation',
      'dgca_statement',
      'dgca_dimension',
      'dgca_framework_version',
      'dgca_framework',
    ])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

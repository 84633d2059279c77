import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course authoring: a course, its modules and their activities (the outline), and the content of
 * the `lesson` activity kind. Other kinds add their own content tables in their own migrations.
 */
export class Courses1764440000000 implements MigrationInterface {
  name = 'Courses1764440000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CONSTRAINT course_slug_unique UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
        language text NOT NULL CHECK (language IN ('en', 'es', 'fr')),
        toolkit text,
        outcomes text[] NOT NULL DEFAULT '{}',
        estimated_hours numeric(5, 1) CHECK (estimated_hours > 0),
        cover_alt text,
        topics text[] NOT NULL DEFAULT '{}',
        sdgs smallint[] NOT NULL DEFAULT '{}'
          CHECK (sdgs <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]::smallint[]),
        enrolment_mode text NOT NULL DEFAULT 'open' CHECK (enrolment_mode IN ('open', 'invitation', 'cohort')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
        revision integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX course_institution_idx ON course (institution_id, updated_at DESC)`);
    await db.query(`
      CREATE TABLE course_module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
        objectives text[] NOT NULL DEFAULT '{}',
        estimated_minutes integer CHECK (estimated_minutes > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Deferred so that a reorder can pass through duplicate positions inside its transaction.
        CONSTRAINT course_module_position_unique UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await db.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES course_module (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        kind text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
        title text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        required boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT activity_position_unique UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await db.query(`
      CREATE TABLE lesson_content (
        activity_id uuid PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
        document jsonb NOT NULL DEFAULT '{"type": "doc", "content": []}',
        revision integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account (id) ON DELETE SET NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE lesson_content`);
    await db.query(`DROP TABLE activity`);
    await db.query(`DROP TABLE course_module`);
    await db.query(`DROP TABLE course`);
  }
}

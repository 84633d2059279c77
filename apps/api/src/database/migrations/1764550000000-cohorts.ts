import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cohorts (issue 8): a group of learners an institution trains together, on one or more courses.
 *
 * - `cohort`: belongs to one institution; dates are calendar days (start, end), the enrolment
 *   window is two instants. A closed cohort (`closed_at`) is read-only. Names are unique per
 *   institution, ignoring case.
 * - `cohort_course`, `cohort_facilitator`: its courses and its trainers.
 * - `cohort_deadline`: an optional due date per module of one of its courses.
 * - `cohort_member`: its learners. Their progress lives on their enrolments, not here, so moving a
 *   learner to another cohort keeps it.
 * - `cohort_invitee`: people invited into the cohort who have no account yet; accepting the
 *   invitation turns the row into a member (and applies the profile facts given for them).
 */
export class Cohorts1764550000000 implements MigrationInterface {
  name = 'Cohorts1764550000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cohort (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        starts_on date,
        ends_on date,
        enrolment_opens_at timestamptz,
        enrolment_closes_at timestamptz,
        closed_at timestamptz,
        closed_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT cohort_dates_in_order CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT cohort_window_in_order CHECK (
          enrolment_opens_at IS NULL OR enrolment_closes_at IS NULL OR enrolment_closes_at > enrolment_opens_at
        )
      )`);
    await db.query(`CREATE UNIQUE INDEX cohort_name_unique ON cohort (institution_id, lower(name))`);
    await db.query(`
      CREATE TABLE cohort_course (
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE RESTRICT,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, course_id)
      )`);
    await db.query(`CREATE INDEX cohort_course_course_idx ON cohort_course (course_id)`);
    await db.query(`
      CREATE TABLE cohort_facilitator (
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        PRIMARY KEY (cohort_id, user_id)
      )`);
    await db.query(`CREATE INDEX cohort_facilitator_user_idx ON cohort_facilitator (user_id)`);
    await db.query(`
      CREATE TABLE cohort_deadline (
        cohort_id uuid NOT NULL,
        course_id uuid NOT NULL,
        module_id uuid NOT NULL REFERENCES course_module (id) ON DELETE CASCADE,
        due_on date NOT NULL,
        PRIMARY KEY (cohort_id, module_id),
        FOREIGN KEY (cohort_id, course_id) REFERENCES cohort_course (cohort_id, course_id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE cohort_member (
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('manual', 'import', 'invitation', 'move')),
        added_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, user_id)
      )`);
    await db.query(`CREATE INDEX cohort_member_user_idx ON cohort_member (user_id)`);
    await db.query(`
      CREATE TABLE cohort_invitee (
        cohort_id uuid NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
        invitation_id uuid NOT NULL REFERENCES invitation (id) ON DELETE CASCADE,
        display_name text CHECK (display_name IS NULL OR length(btrim(display_name)) BETWEEN 1 AND 200),
        country char(2) CHECK (country IS NULL OR country ~ '^[A-Z]{2}$'),
        department text CHECK (length(department) <= 200),
        job_title text CHECK (length(job_title) <= 200),
        reporting jsonb,
        source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
        added_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, invitation_id)
      )`);
    await db.query(`CREATE INDEX cohort_invitee_invitation_idx ON cohort_invitee (invitation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'cohort_invitee',
      'cohort_member',
      'cohort_deadline',
      'cohort_facilitator',
      'cohort_course',
      'cohort',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

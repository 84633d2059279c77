import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quizzes: a question bank per course whose questions are versioned (a version is never changed,
 * so an attempt keeps the exact question it was given), the quiz activity kind's draft settings
 * and slots, and learners' attempts with one row per slot.
 *
 * The rules that must hold under concurrency are constraints, not code: an attempt's number is
 * unique per learner and quiz and never above the attempts allowed when it started; a learner has
 * at most one open attempt of a quiz; a slot belongs to one attempt once.
 */
export class Quizzes1764500000000 implements MigrationInterface {
  name = 'Quizzes1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        category text NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
        tags text[] NOT NULL DEFAULT '{}',
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX question_course_category_idx ON question (course_id, category)`);

    await db.query(`
      CREATE TABLE question_version (
        question_id uuid NOT NULL REFERENCES question (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        type text NOT NULL CHECK (type IN ('single-choice', 'multiple-response', 'true-false',
          'short-answer', 'numeric', 'matching', 'ordering', 'essay')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        PRIMARY KEY (question_id, version)
      )`);

    await db.query(`
      CREATE TABLE quiz_content (
        activity_id uuid PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
        settings jsonb NOT NULL,
        slots jsonb NOT NULL DEFAULT '[]',
        revision integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account (id) ON DELETE SET NULL
      )`);

    await db.query(`
      CREATE TABLE quiz_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        activity_id uuid NOT NULL,
        version_id uuid NOT NULL REFERENCES course_version (id),
        number integer NOT NULL CHECK (number >= 1),
        attempts_allowed integer CHECK (attempts_allowed >= 1),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
        started_at timestamptz NOT NULL DEFAULT now(),
        deadline timestamptz,
        submitted_at timestamptz,
        auto_submitted boolean NOT NULL DEFAULT false,
        max_points numeric NOT NULL CHECK (max_points > 0),
        points numeric,
        score numeric CHECK (score BETWEEN 0 AND 1),
        passed boolean,
        pending_grading integer NOT NULL DEFAULT 0 CHECK (pending_grading >= 0),
        CONSTRAINT quiz_attempt_number_unique UNIQUE (enrolment_id, activity_id, number),
        CONSTRAINT quiz_attempt_within_allowed CHECK (attempts_allowed IS NULL OR number <= attempts_allowed),
        CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
      )`);
    await db.query(`
      CREATE UNIQUE INDEX quiz_attempt_one_open ON quiz_attempt (enrolment_id, activity_id)
        WHERE status = 'open'`);
    await db.query(`CREATE INDEX quiz_attempt_activity_idx ON quiz_attempt (activity_id, submitted_at)`);
    await db.query(`CREATE INDEX quiz_attempt_deadline_idx ON quiz_attempt (deadline) WHERE status = 'open'`);

    await db.query(`
      CREATE TABLE quiz_attempt_slot (
        attempt_id uuid NOT NULL REFERENCES quiz_attempt (id) ON DELETE CASCADE,
        slot integer NOT NULL CHECK (slot >= 1),
        question_id uuid NOT NULL,
        question_version integer NOT NULL,
        option_order jsonb,
        max_points numeric NOT NULL CHECK (max_points > 0),
        response jsonb,
        answered_at timestamptz,
        locked boolean NOT NULL DEFAULT false,
        grading text NOT NULL DEFAULT 'pending'
          CHECK (grading IN ('pending', 'graded', 'needs-grading', 'ungraded')),
        fraction numeric CHECK (fraction BETWEEN 0 AND 1),
        points numeric,
        comment text CHECK (length(comment) <= 10000),
        graded_by uuid REFERENCES user_account (id) ON DELETE SET NULL,
        graded_at timestamptz,
        PRIMARY KEY (attempt_id, slot),
        FOREIGN KEY (question_id, question_version) REFERENCES question_version (question_id, version)
      )`);
    await db.query(`CREATE INDEX quiz_attempt_slot_question_idx ON quiz_attempt_slot (question_id)`);

    // The attempts module's read model for trainers' reports (the results module), as
    // course_version_outline is the courses module's for learning: reports never read its tables.
    await db.query(`
      CREATE VIEW quiz_attempt_record AS
      SELECT id, enrolment_id, user_id, activity_id, version_id, number, status, started_at, deadline,
             submitted_at, auto_submitted, max_points, points, score, passed, pending_grading
        FROM quiz_attempt`);
    await db.query(`
      CREATE VIEW quiz_slot_record AS
      SELECT attempt_id, slot, question_id, question_version, max_points, response, answered_at,
             grading, fraction, points, comment, graded_by, graded_at
        FROM quiz_attempt_slot`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW quiz_slot_record`);
    await db.query(`DROP VIEW quiz_attempt_record`);
    await db.query(`DROP TABLE quiz_attempt_slot`);
    await db.query(`DROP TABLE quiz_attempt`);
    await db.query(`DROP TABLE quiz_content`);
    await db.query(`DROP TABLE question_version`);
    await db.query(`DROP TABLE question`);
  }
}

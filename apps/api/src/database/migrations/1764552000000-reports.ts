import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disaggregated reports (issue 8): what they are computed from (ADR 0020).
 *
 * - `report_fact`: one row per enrolment with every dimension a report groups or filters by and
 *   the facts its measures count. Rebuilt as a whole by the reports module's refresh (the one place
 *   that reads other modules' tables), so report requests group a narrow table of 100,000 rows
 *   instead of joining enrolments, accounts, cohorts, quiz attempts and two million progress rows.
 *   Reporting characteristics are null when not stated (no consent, no answer, prefer not to say).
 *   `person` numbers the learners densely, so that counting people hashes integers.
 * - `report_fact_month`: the same enrolments once per month with something to count (enrolled,
 *   completed, graded, active), for reports over time; `first_*` marks one line per person, month
 *   and kind, so that counting people in a month needs no grouping per person.
 * - `report_label`: the names of institutions, cohorts and courses as of the same refresh.
 * - `report_refresh`: when the facts were taken (shown as `dataAsOf`) and the months they span.
 */
export class Reports1764552000000 implements MigrationInterface {
  name = 'Reports1764552000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_fact (
        enrolment_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        person integer NOT NULL,
        course_id uuid NOT NULL,
        institution_id uuid NOT NULL,
        cohort_id uuid,
        cohort_institution_id uuid,
        country char(2),
        department text,
        sex text,
        age_band text,
        disability text,
        island_region text,
        enrolled_month date NOT NULL,
        completed_month date,
        days_to_complete double precision,
        graded_month date,
        passed boolean,
        active_months date[] NOT NULL DEFAULT '{}',
        CHECK ((completed_month IS NULL) = (days_to_complete IS NULL)),
        CHECK ((graded_month IS NULL) = (passed IS NULL))
      )`);
    await db.query(`CREATE INDEX report_fact_institution_idx ON report_fact (institution_id)`);
    await db.query(
      `CREATE INDEX report_fact_cohort_institution_idx ON report_fact (cohort_institution_id) WHERE cohort_institution_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX report_fact_course_idx ON report_fact (course_id)`);
    await db.query(
      `CREATE INDEX report_fact_cohort_idx ON report_fact (cohort_id) WHERE cohort_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX report_fact_country_idx ON report_fact (country)`);
    await db.query(`
      CREATE TABLE report_fact_month (
        enrolment_id uuid NOT NULL,
        month date NOT NULL,
        person integer NOT NULL,
        course_id uuid NOT NULL,
        institution_id uuid NOT NULL,
        cohort_id uuid,
        cohort_institution_id uuid,
        country char(2),
        department text,
        sex text,
        age_band text,
        disability text,
        island_region text,
        enrolled boolean NOT NULL,
        completed boolean NOT NULL,
        graded boolean NOT NULL,
        passed boolean NOT NULL,
        active boolean NOT NULL,
        days_to_complete double precision,
        first_enrolled boolean NOT NULL,
        first_completed boolean NOT NULL,
        first_graded boolean NOT NULL,
        first_active boolean NOT NULL,
        PRIMARY KEY (enrolment_id, month)
      )`);
    await db.query(`
      CREATE TABLE report_label (
        dimension text NOT NULL CHECK (dimension IN ('institution', 'cohort', 'course')),
        key uuid NOT NULL,
        label text NOT NULL,
        PRIMARY KEY (dimension, key)
      )`);
    await db.query(`
      CREATE TABLE report_refresh (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        refreshed_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        first_month date,
        last_month date
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_refresh`);
    await db.query(`DROP TABLE report_label`);
    await db.query(`DROP TABLE report_fact_month`);
    await db.query(`DROP TABLE report_fact`);
  }
}

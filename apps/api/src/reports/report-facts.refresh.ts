import type { EntityManager } from 'typeorm';

/**
 * The one place the reports module reads other modules' tables: enrolment and activity_progress
 * (learning), course and institution, user_account and reporting_profile (accounts), cohort,
 * cohort_course and cohort_member (cohorts), and the attempts module's read model
 * quiz_attempt_record. It rebuilds report_fact from them in one statement, in a background job
 * (report-freshness.service.ts), never in a report request: a report over 100,000 enrolments must
 * not join two million progress rows while an administrator waits (ADR 0020).
 *
 * Per enrolment:
 *   - the course's institution, and the cohort the learner followed the course with (the earliest
 *     they joined among their cohorts that include it) with that cohort's institution;
 *   - the learner's country and department from their account, and the reporting characteristics
 *     they consented to give, "prefer not to say" counted as not stated (null);
 *   - the months of enrolment and completion, and the days between the two;
 *   - for quizzes: the month of the latest graded attempt and whether, on every quiz graded, at
 *     least one attempt passed;
 *   - every month with activity: a progress row viewed or updated, or a visit to the course.
 */
const FACTS = `
  INSERT INTO report_fact (
    enrolment_id, user_id, person, course_id, institution_id, cohort_id, cohort_institution_id, country, department,
    sex, age_band, disability, island_region, enrolled_month, completed_month, days_to_complete,
    graded_month, passed, active_months)
  SELECT e.id, e.user_id, dense_rank() OVER (ORDER BY e.user_id), e.course_id, c.institution_id, co.cohort_id, co.institution_id,
         u.country, nullif(btrim(u.department), ''),
         nullif(r.sex, 'prefer_not_to_say'), nullif(r.age_band, 'prefer_not_to_say'),
         nullif(r.disability, 'prefer_not_to_say'), nullif(btrim(r.island_region), ''),
         date_trunc('month', e.enrolled_at)::date,
         date_trunc('month', e.completed_at)::date,
         CASE WHEN e.completed_at IS NOT NULL
              THEN greatest(extract(epoch FROM e.completed_at - e.enrolled_at) / 86400, 0) END,
         q.graded_month, q.passed,
         CASE WHEN e.last_visited_at IS NULL THEN coalesce(a.months, '{}')
              WHEN a.months IS NULL THEN ARRAY[date_trunc('month', e.last_visited_at)::date]
              WHEN date_trunc('month', e.last_visited_at)::date = ANY (a.months) THEN a.months
              ELSE a.months || date_trunc('month', e.last_visited_at)::date END
    FROM enrolment e
    JOIN course c ON c.id = e.course_id
    JOIN user_account u ON u.id = e.user_id
    LEFT JOIN reporting_profile r ON r.user_id = e.user_id
    LEFT JOIN LATERAL (
      SELECT m.cohort_id, h.institution_id
        FROM cohort_member m
        JOIN cohort_course cc ON cc.cohort_id = m.cohort_id AND cc.course_id = e.course_id
        JOIN cohort h ON h.id = m.cohort_id
       WHERE m.user_id = e.user_id
       ORDER BY m.added_at, m.cohort_id
       LIMIT 1) co ON true
    LEFT JOIN (
      SELECT p.enrolment_id, array_agg(DISTINCT v.month) AS months
        FROM activity_progress p
        CROSS JOIN LATERAL (VALUES (date_trunc('month', p.first_viewed_at)::date),
                                   (date_trunc('month', p.updated_at)::date)) v(month)
       GROUP BY p.enrolment_id) a ON a.enrolment_id = e.id
    LEFT JOIN (
      SELECT enrolment_id, date_trunc('month', max(submitted_at))::date AS graded_month, bool_and(passed) AS passed
        FROM (SELECT enrolment_id, activity_id, max(submitted_at) AS submitted_at, bool_or(passed) AS passed
                FROM quiz_attempt_record
               WHERE status = 'submitted' AND passed IS NOT NULL
               GROUP BY enrolment_id, activity_id) best
       GROUP BY enrolment_id) q ON q.enrolment_id = e.id`;

/** Each enrolment once per month with an event in it; each measure counted in its own month. */
const MONTHS = `
  INSERT INTO report_fact_month (
    enrolment_id, month, person, course_id, institution_id, cohort_id, cohort_institution_id, country,
    department, sex, age_band, disability, island_region, enrolled, completed, graded, passed, active,
    days_to_complete, first_enrolled, first_completed, first_graded, first_active)
  SELECT m.*,
         m.enrolled AND row_number() OVER (PARTITION BY m.person, m.month, m.enrolled ORDER BY m.enrolment_id) = 1,
         m.completed AND row_number() OVER (PARTITION BY m.person, m.month, m.completed ORDER BY m.enrolment_id) = 1,
         m.graded AND row_number() OVER (PARTITION BY m.person, m.month, m.graded ORDER BY m.enrolment_id) = 1,
         m.active AND row_number() OVER (PARTITION BY m.person, m.month, m.active ORDER BY m.enrolment_id) = 1
    FROM (
      SELECT f.enrolment_id, e.month, f.person, f.course_id, f.institution_id, f.cohort_id, f.cohort_institution_id,
             f.country, f.department, f.sex, f.age_band, f.disability, f.island_region,
             bool_or(e.kind = 'enrolled') AS enrolled, bool_or(e.kind = 'completed') AS completed,
             bool_or(e.kind = 'graded') AS graded, bool_or(e.kind = 'graded') AND coalesce(f.passed, false) AS passed,
             bool_or(e.kind = 'active') AS active, f.days_to_complete
        FROM report_fact f
        CROSS JOIN LATERAL (
          SELECT 'enrolled' AS kind, f.enrolled_month AS month
          UNION ALL SELECT 'completed', f.completed_month WHERE f.completed_month IS NOT NULL
          UNION ALL SELECT 'graded', f.graded_month WHERE f.graded_month IS NOT NULL
          UNION ALL SELECT 'active', m FROM unnest(f.active_months) m) e
       GROUP BY f.enrolment_id, e.month) m`;

const LABELS = `
  INSERT INTO report_label (dimension, key, label)
  SELECT 'institution', id, name FROM institution
  UNION ALL SELECT 'cohort', id, name FROM cohort
  UNION ALL SELECT 'course', id, title FROM course`;

/**
 * Replaces the facts and labels inside the caller's transaction: readers see the old facts until
 * it commits, then all the new ones.
 */
export async function rebuildReportFacts(db: EntityManager): Promise<void> {
  await db.query(`DELETE FROM report_fact`);
  await db.query(FACTS);
  await db.query(`DELETE FROM report_fact_month`);
  await db.query(MONTHS);
  await db.query(`DELETE FROM report_label`);
  await db.query(LABELS);
  // The planner's row counts must follow the rebuild, or it sorts on disk what fits in memory.
  await db.query(`ANALYZE report_fact, report_fact_month`);
}

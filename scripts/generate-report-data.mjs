// Seeds the volumes the reports budget is measured on (scripts/bench-reports.mjs): by default
// 100,000 enrolments of 40,000 learners in 10 Caribbean countries, 12 institutions (the demo ones
// and new ones), 60 courses, 150 cohorts, 2,000,000 activity_progress rows and 40,000 graded quiz
// attempts, spread over 18 months; 60 % of learners gave reporting characteristics, some answering
// "prefer not to say". Straight into PostgreSQL in a few set-based statements, seeded random numbers
// (the same shape every run; ids, and so a few picks made from them, differ): the seeding is not what is measured.
//
//   node scripts/generate-report-data.mjs postgres://user:password@host:port/database [enrolments]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/run.mjs';

// pg is the API's dependency, not the scripts': load it from there.
const pg = createRequire(join(ROOT, 'apps/api/package.json'))('pg');

const COUNTRIES = ['LC', 'DM', 'GD', 'VC', 'KN', 'AG', 'BB', 'JM', 'TT', 'BS'];
const DEPARTMENTS = [
  'Ministry of Finance',
  'Ministry of Health',
  'Ministry of Education',
  'Ministry of Agriculture',
  'Ministry of Tourism',
  'Ministry of Public Service',
  'Ministry of Foreign Affairs',
  'Ministry of Infrastructure',
  'Office of the Prime Minister',
  'Statistics Department',
  'Customs and Excise',
  'Inland Revenue',
  'Disaster Management Agency',
  'Water Authority',
  'Ministry of Youth',
  'Ministry of Social Transformation',
  'Ministry of Legal Affairs',
  'Ministry of Housing',
  'Public Service Commission',
  'Audit Department',
];
const REGIONS = ['North', 'South', 'East', 'West', 'Capital', 'Windward', 'Leeward', 'Outer islands'];

export const DEFAULTS = {
  enrolments: 100_000,
  progressRows: 2_000_000,
  institutions: 12,
  courses: 60,
  cohorts: 150,
};

/** Seeds the report volumes into the database; answers the counts it made. */
export async function generateReportData(databaseUrl, options = {}) {
  const volumes = { ...DEFAULTS, ...options };
  const learners = Math.round(volumes.enrolments / 2.5);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const tag = `rpt${Date.now().toString(36)}`;
  const step = async (label, sql, params = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    console.error(
      `  ${label}: ${result.rowCount ?? ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return result;
  };
  try {
    await client.query('BEGIN');
    await client.query('SELECT setseed(0.42)');
    const existing = await client.query(`SELECT count(*)::int AS n FROM institution`);
    const toMake = Math.max(0, volumes.institutions - existing.rows[0].n);
    await step(
      'institutions',
      `INSERT INTO institution (name, slug, country, kind)
       SELECT 'School of Public Administration ' || n, $1 || '-school-' || n, ($2::text[])[1 + n % 10],
              'school_of_public_administration'
         FROM generate_series(1, $3) n`,
      [tag, COUNTRIES, toMake],
    );
    // Courses and one published version each, spread over every institution.
    await step(
      'courses',
      `WITH i AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS k, count(*) OVER () AS total FROM institution)
       INSERT INTO course (slug, title, language, institution_id, status)
       SELECT $1 || '-course-' || n, 'Report course ' || n, 'en', i.id, 'published'
         FROM generate_series(1, $2) n JOIN i ON i.k = 1 + n % i.total`,
      [tag, volumes.courses],
    );
    await step(
      'course versions',
      `INSERT INTO course_version (course_id, number, snapshot)
       SELECT id, 1, '{"modules": []}' FROM course WHERE slug LIKE $1 || '-course-%'`,
      [tag],
    );
    await step(
      'cohorts',
      `WITH i AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS k, count(*) OVER () AS total FROM institution)
       INSERT INTO cohort (institution_id, name)
       SELECT i.id, 'Cohort ' || $1 || ' ' || n FROM generate_series(1, $2) n JOIN i ON i.k = 1 + n % i.total`,
      [tag, volumes.cohorts],
    );
    await step(
      'cohort courses',
      `INSERT INTO cohort_course (cohort_id, course_id)
       SELECT DISTINCT ON (h.id, c.id) h.id, c.id
         FROM cohort h
         JOIN LATERAL (SELECT id FROM course WHERE institution_id = h.institution_id AND slug LIKE $1 || '-course-%'
                        ORDER BY md5(h.id::text || id::text) LIMIT 1 + (abs(hashtext(h.id::text)) % 3)) c ON true
        WHERE h.name LIKE 'Cohort ' || $1 || ' %'`,
      [tag],
    );
    await step(
      'learners',
      `INSERT INTO user_account (email, display_name, password_hash, country, department)
       SELECT $1 || '-learner-' || n || '@example.org', 'Report learner ' || n, 'not-a-password-hash',
              CASE WHEN random() < 0.03 THEN NULL ELSE ($2::text[])[1 + floor(random() * 10)::int] END,
              CASE WHEN random() < 0.1 THEN NULL ELSE ($3::text[])[1 + floor(random() * $4)::int] END
         FROM generate_series(1, $5) n`,
      [tag, COUNTRIES, DEPARTMENTS, DEPARTMENTS.length, learners],
    );
    await step(
      'reporting profiles',
      `INSERT INTO reporting_profile (user_id, sex, age_band, disability, island_region, consented_at)
       SELECT id,
              (ARRAY['female', 'female', 'female', 'male', 'male', 'another', 'prefer_not_to_say', NULL])[1 + floor(random() * 8)::int],
              (ARRAY['under_25', '25_34', '25_34', '35_44', '35_44', '45_54', '55_64', '65_plus', 'prefer_not_to_say', NULL])[1 + floor(random() * 10)::int],
              (ARRAY['no', 'no', 'no', 'no', 'no', 'no', 'yes', 'prefer_not_to_say', NULL])[1 + floor(random() * 9)::int],
              CASE WHEN random() < 0.2 THEN NULL ELSE ($2::text[])[1 + floor(random() * 8)::int] END,
              now()
         FROM user_account WHERE email LIKE $1 || '-learner-%' AND random() < 0.6`,
      [tag, REGIONS],
    );
    // Each learner takes 2 or 3 different courses (a few more for the rounding), enrolled over 18
    // months; about a third complete, between a week and four months later.
    await step(
      'enrolments',
      `WITH l AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM user_account WHERE email LIKE $1 || '-learner-%'),
            c AS (SELECT c.id, v.id AS version_id, row_number() OVER (ORDER BY c.id) - 1 AS k, count(*) OVER () AS total
                    FROM course c JOIN course_version v ON v.course_id = c.id WHERE c.slug LIKE $1 || '-course-%'),
            picks AS (
              SELECT l.id AS user_id, (l.k * 7 + s * 13) % (SELECT count(*) FROM c) AS course_k, s
                FROM l CROSS JOIN generate_series(0, 2) s
               WHERE s < 2 OR l.k % 2 = 0),
            dated AS (
              SELECT p.user_id, c.id AS course_id, c.version_id,
                     now() - make_interval(days => floor(random() * 540)::int, secs => floor(random() * 86400)::int) AS enrolled_at,
                     random() AS fate
                FROM picks p JOIN c ON c.k = p.course_k)
       INSERT INTO enrolment (course_id, user_id, version_id, source, enrolled_at, completed_at, last_visited_at)
       SELECT course_id, user_id, version_id, 'open', enrolled_at,
              CASE WHEN fate < 0.35 THEN least(now(), enrolled_at + make_interval(days => 7 + floor(random() * 120)::int)) END,
              CASE WHEN fate < 0.85 THEN least(now(), enrolled_at + make_interval(days => floor(random() * 200)::int)) END
         FROM dated
        LIMIT $2
       ON CONFLICT DO NOTHING`,
      [tag, volumes.enrolments],
    );
    await step(
      'cohort members',
      `INSERT INTO cohort_member (cohort_id, user_id, source)
       SELECT DISTINCT ON (cc.cohort_id, e.user_id) cc.cohort_id, e.user_id, 'import'
         FROM enrolment e
         JOIN course c ON c.id = e.course_id AND c.slug LIKE $1 || '-course-%'
         JOIN cohort_course cc ON cc.course_id = e.course_id
        WHERE abs(hashtext(e.id::text)) % 10 < 6
          AND abs(hashtext(e.id::text || cc.cohort_id::text)) % 3 = 0
       ON CONFLICT DO NOTHING`,
      [tag],
    );
    // Progress: per enrolment a number of activities so that the total is about progressRows,
    // each viewed and updated between enrolment and the last visit.
    const enrolled = await client.query(
      `SELECT count(*)::int AS n FROM enrolment e JOIN course c ON c.id = e.course_id WHERE c.slug LIKE $1 || '-course-%'`,
      [tag],
    );
    const perEnrolment = volumes.progressRows / enrolled.rows[0].n;
    await step(
      'activity progress',
      `INSERT INTO activity_progress (enrolment_id, activity_id, status, first_viewed_at, completed_at, updated_at)
       SELECT e.id, md5(e.course_id::text || a)::uuid,
              CASE WHEN e.completed_at IS NOT NULL OR a % 3 = 0 THEN 'completed' ELSE 'started' END,
              t.viewed,
              CASE WHEN e.completed_at IS NOT NULL OR a % 3 = 0 THEN t.updated END,
              t.updated
         FROM enrolment e
         JOIN course c ON c.id = e.course_id AND c.slug LIKE $1 || '-course-%'
         CROSS JOIN LATERAL generate_series(1, greatest(1, round($2 * 2 * ((abs(hashtext(e.id::text)) % 1000) / 1000.0))::int)) a
         CROSS JOIN LATERAL (
           SELECT e.enrolled_at + (coalesce(e.last_visited_at, e.enrolled_at) - e.enrolled_at) * (a::float8 / 80) AS viewed,
                  e.enrolled_at + (coalesce(e.last_visited_at, e.enrolled_at) - e.enrolled_at) * least(1, (a + 1)::float8 / 80) AS updated) t`,
      [tag, perEnrolment],
    );
    await step(
      'graded quiz attempts',
      `INSERT INTO quiz_attempt (enrolment_id, user_id, activity_id, version_id, number, status, started_at,
                                 submitted_at, max_points, points, score, passed)
       SELECT e.id, e.user_id, md5(e.course_id::text || 'quiz')::uuid, e.version_id, 1, 'submitted',
              coalesce(e.last_visited_at, e.enrolled_at), coalesce(e.last_visited_at, e.enrolled_at), 10,
              s.score * 10, s.score, s.score >= 0.6
         FROM enrolment e
         JOIN course c ON c.id = e.course_id AND c.slug LIKE $1 || '-course-%'
         CROSS JOIN LATERAL (SELECT round((0.3 + random() * 0.7)::numeric, 2) AS score) s
        WHERE abs(hashtext(e.id::text || 'quiz')) % 10 < 4`,
      [tag],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const counts = await client.query(
      `SELECT (SELECT count(*) FROM enrolment)::int AS enrolments,
              (SELECT count(*) FROM activity_progress)::int AS "progressRows",
              (SELECT count(*) FROM reporting_profile)::int AS profiles,
              (SELECT count(*) FROM user_account)::int AS accounts,
              (SELECT count(*) FROM institution)::int AS institutions,
              (SELECT count(*) FROM course)::int AS courses,
              (SELECT count(*) FROM cohort)::int AS cohorts,
              (SELECT count(*) FROM cohort_member)::int AS "cohortMembers",
              (SELECT count(*) FROM quiz_attempt)::int AS "quizAttempts"`,
    );
    return counts.rows[0];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [databaseUrl, enrolments] = process.argv.slice(2);
  if (!databaseUrl) {
    console.error('usage: node scripts/generate-report-data.mjs <DATABASE_URL> [enrolments]');
    process.exit(2);
  }
  const progressRows = enrolments ? Number(enrolments) * 20 : undefined;
  const counts = await generateReportData(
    databaseUrl,
    enrolments ? { enrolments: Number(enrolments), progressRows } : {},
  );
  console.log(JSON.stringify(counts, null, 2));
}

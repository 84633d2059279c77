/**
 * The learning module's hot queries, run as named prepared statements. They find the learner's
 * enrolment by course slug through `course_version_outline`, the courses module's read model.
 */

/** An enrolment with every activity's status: [activityId, status] pairs. */
const ENROLMENT_COLUMNS = `
  e.id, e.version_id AS "versionId", e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt",
  e.last_activity_id AS "lastActivityId", e.last_visited_at AS "lastVisitedAt", v.slug,
  COALESCE((SELECT json_agg(json_build_array(p.activity_id, p.status))
              FROM activity_progress p WHERE p.enrolment_id = e.id), '[]') AS progress`;

/** $1 learners, $2 course slugs (pairs, batched): each learner's enrolment in that course, if any. */
export const COURSE_ENROLMENTS = `
  SELECT w.i::int AS "index", ${ENROLMENT_COLUMNS}
    FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS w(user_id, slug, i)
    JOIN enrolment e ON e.user_id = w.user_id
    JOIN course_version_outline v ON v.version_id = e.version_id AND v.slug = w.slug`;

export const MY_ENROLMENTS = `
  SELECT ${ENROLMENT_COLUMNS}
    FROM enrolment e JOIN course_version_outline v ON v.version_id = e.version_id
   WHERE e.user_id = $1
   ORDER BY COALESCE(e.last_visited_at, e.enrolled_at) DESC, e.enrolled_at DESC`;

/** One enrolment with one activity's progress and the learner's reflection answers in it. */
export const ACTIVITY_ENROLMENT = `
  SELECT e.id, e.version_id AS "versionId", e.completed_at AS "completedAt",
         p.status, p.position, p.completed_at AS "activityCompletedAt",
         COALESCE((SELECT json_agg(json_build_object('id', r.reflection_id, 'answer', r.answer,
                                                     'writtenAt', r.written_at) ORDER BY r.written_at)
                     FROM reflection_answer r WHERE r.enrolment_id = e.id AND r.activity_id = $3), '[]') AS reflections
    FROM enrolment e
    JOIN course_version_outline v ON v.version_id = e.version_id
    LEFT JOIN activity_progress p ON p.enrolment_id = e.id AND p.activity_id = $3
   WHERE e.user_id = $1 AND v.slug = $2`;

/**
 * Records a batch of progress writes in one statement, the only one a progress write usually
 * costs. For each write ($1 user, $2 course slug, $3 activity, $4 completed, $5 position, $6 device
 * time, $7 the kinds that complete themselves, space-separated; arrays, one element a write, no two
 * for the same activity of the same learner) it finds the
 * learner's enrolment by course slug, checks the activity is in their version (through the courses
 * module's `published_activity` view), writes the activity's row (completion never undone, a
 * position older than the stored one ignored) and moves the enrolment's resume point (the latest
 * by device time; to the minute when the activity is the same, so reading one lesson does not keep
 * rewriting the enrolment row).
 *
 * One row a write, by `index`: `enrolmentId` null: not enrolled; `inVersion` false: no such
 * activity there; `refused` true: the write claims completion of an activity whose kind completes
 * itself (a quiz), and nothing was written. `statusBefore` is the activity's status before this
 * write (a data-modifying CTE's changes are not visible to the rest of its statement).
 */
export const RECORD_PROGRESS = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::boolean[], $5::jsonb[], $6::timestamptz[],
                         $7::text[])
      WITH ORDINALITY AS x(user_id, slug, activity_id, completed, position, at, self_completing, i)
  ), found AS (
    SELECT x.i, x.activity_id, x.completed, x.position, x.at, e.id, e.version_id, e.completed_at,
           a.kind IS NOT NULL AS in_version,
           COALESCE(x.completed AND a.kind = ANY(string_to_array(x.self_completing, ' ')), false) AS refused
      FROM input x
      JOIN enrolment e ON e.user_id = x.user_id
      JOIN course_version_outline v ON v.version_id = e.version_id AND v.slug = x.slug
      LEFT JOIN published_activity a ON a.version_id = e.version_id AND a.activity_id = x.activity_id
  ), mine AS (
    SELECT * FROM found WHERE NOT refused
  ), upsert AS (
    INSERT INTO activity_progress AS p (enrolment_id, activity_id, status, position, position_at, completed_at)
    SELECT m.id, m.activity_id, CASE WHEN m.completed THEN 'completed' ELSE 'started' END, m.position,
           CASE WHEN m.position IS NULL THEN NULL ELSE m.at END,
           CASE WHEN m.completed THEN now() END
      FROM mine m WHERE m.in_version
     ORDER BY m.id, m.activity_id
    ON CONFLICT (enrolment_id, activity_id) DO UPDATE SET
      status = CASE WHEN p.status = 'completed' OR EXCLUDED.status = 'completed' THEN 'completed' ELSE 'started' END,
      completed_at = COALESCE(p.completed_at, EXCLUDED.completed_at),
      position = CASE WHEN EXCLUDED.position IS NOT NULL AND (p.position_at IS NULL OR EXCLUDED.position_at >= p.position_at)
                      THEN EXCLUDED.position ELSE p.position END,
      position_at = CASE WHEN EXCLUDED.position IS NOT NULL AND (p.position_at IS NULL OR EXCLUDED.position_at >= p.position_at)
                         THEN EXCLUDED.position_at ELSE p.position_at END,
      updated_at = now()
    RETURNING p.enrolment_id, p.activity_id, p.status, p.position, p.completed_at
  ), visit AS (
    UPDATE enrolment e SET last_activity_id = latest.activity_id, last_visited_at = latest.at
      FROM (SELECT DISTINCT ON (m.id) m.id, m.activity_id, m.at FROM mine m
             WHERE m.in_version ORDER BY m.id, m.at DESC, m.i DESC) latest
     WHERE e.id = latest.id
       AND (e.last_visited_at IS NULL
            OR (e.last_activity_id IS DISTINCT FROM latest.activity_id AND e.last_visited_at <= latest.at)
            OR e.last_visited_at <= latest.at - interval '1 minute')
  )
  SELECT x.i::int AS "index", f.id AS "enrolmentId", f.version_id AS "versionId",
         f.completed_at AS "courseCompletedAt", f.in_version AS "inVersion", f.refused,
         u.status, u.position, u.completed_at AS "completedAt",
         (SELECT p.status FROM activity_progress p
           WHERE p.enrolment_id = f.id AND p.activity_id = f.activity_id) AS "statusBefore"
    FROM input x
    LEFT JOIN found f ON f.i = x.i
    LEFT JOIN upsert u ON u.enrolment_id = f.id AND u.activity_id = f.activity_id`;

/** How many of these (required) activities the enrolment has completed. */
export const COMPLETED_COUNT = `
  SELECT count(*)::int AS completed FROM activity_progress
   WHERE enrolment_id = $1 AND status = 'completed' AND activity_id = ANY($2::uuid[])`;

/** Marks enrolments complete once, when every required activity is; a row for each completed now. */
export const COMPLETE_ENROLMENTS = `
  UPDATE enrolment e SET completed_at = now()
   WHERE e.id = ANY($1::uuid[]) AND e.completed_at IS NULL
     AND (SELECT count(*) FROM activity_progress p
           WHERE p.enrolment_id = e.id AND p.status = 'completed' AND p.activity_id = ANY($2::uuid[])) = $3
  RETURNING e.id AS "enrolmentId", e.user_id AS "userId", e.course_id AS "courseId",
            e.version_id AS "versionId", e.completed_at AS "completedAt"`;

/** Keeps the newest answer by device time. */
export const SAVE_REFLECTION = `
  INSERT INTO reflection_answer AS r (enrolment_id, reflection_id, activity_id, answer, written_at)
  VALUES ($1, $2, $3, $4, $5::timestamptz)
  ON CONFLICT (enrolment_id, reflection_id) DO UPDATE
     SET answer = EXCLUDED.answer, written_at = EXCLUDED.written_at, updated_at = now()
   WHERE r.written_at <= EXCLUDED.written_at
  RETURNING answer`;

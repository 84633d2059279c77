/**
 * The learning module's hot queries, run as named prepared statements. They find the learner's
 * enrolment by course slug through `course_version_outline`, the courses module's read model.
 */

/** One enrolment with every activity's status: [activityId, status] pairs. */
export const ENROLMENT_WITH_PROGRESS = `
  SELECT e.id, e.version_id AS "versionId", e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt",
         e.last_activity_id AS "lastActivityId", e.last_visited_at AS "lastVisitedAt", v.slug,
         COALESCE((SELECT json_agg(json_build_array(p.activity_id, p.status))
                     FROM activity_progress p WHERE p.enrolment_id = e.id), '[]') AS progress
    FROM enrolment e JOIN course_version_outline v ON v.version_id = e.version_id`;

export const COURSE_ENROLMENT = `${ENROLMENT_WITH_PROGRESS} WHERE e.user_id = $1 AND v.slug = $2`;

export const MY_ENROLMENTS = `${ENROLMENT_WITH_PROGRESS} WHERE e.user_id = $1
  ORDER BY COALESCE(e.last_visited_at, e.enrolled_at) DESC, e.enrolled_at DESC`;

/** Just the enrolment, for writes: no progress to aggregate. */
export const ENROLMENT_FOR_WRITE = `
  SELECT e.id, e.version_id AS "versionId", e.completed_at AS "completedAt"
    FROM enrolment e JOIN course_version_outline v ON v.version_id = e.version_id
   WHERE e.user_id = $1 AND v.slug = $2`;

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
 * Records progress in one statement: the activity's row (completion never undone, a position
 * older than the stored one ignored) and the enrolment's resume point (the latest by device time,
 * to the minute when the activity is the same).
 * `completedBefore` counts the required activities completed before this write (a data-modifying
 * CTE's changes are not visible to the rest of its statement).
 *
 * $1 enrolment, $2 activity, $3 completed, $4 position, $5 device time, $6 required activity ids.
 */
export const RECORD_PROGRESS = `
  WITH upsert AS (
    INSERT INTO activity_progress AS p (enrolment_id, activity_id, status, position, position_at, completed_at)
    VALUES ($1, $2, CASE WHEN $3::boolean THEN 'completed' ELSE 'started' END, $4::jsonb,
            CASE WHEN $4::jsonb IS NULL THEN NULL ELSE $5::timestamptz END,
            CASE WHEN $3::boolean THEN now() END)
    ON CONFLICT (enrolment_id, activity_id) DO UPDATE SET
      status = CASE WHEN p.status = 'completed' OR EXCLUDED.status = 'completed' THEN 'completed' ELSE 'started' END,
      completed_at = COALESCE(p.completed_at, EXCLUDED.completed_at),
      position = CASE WHEN EXCLUDED.position IS NOT NULL AND (p.position_at IS NULL OR EXCLUDED.position_at >= p.position_at)
                      THEN EXCLUDED.position ELSE p.position END,
      position_at = CASE WHEN EXCLUDED.position IS NOT NULL AND (p.position_at IS NULL OR EXCLUDED.position_at >= p.position_at)
                         THEN EXCLUDED.position_at ELSE p.position_at END,
      updated_at = now()
    RETURNING p.status, p.position, p.completed_at
  ), visit AS (
    -- Saves while reading the same activity leave the enrolment row alone unless a minute passed:
    -- it is every write's shared row, and the resume point is the same.
    UPDATE enrolment SET last_activity_id = $2, last_visited_at = $5::timestamptz
     WHERE id = $1
       AND (last_visited_at IS NULL
            OR (last_activity_id IS DISTINCT FROM $2 AND last_visited_at <= $5::timestamptz)
            OR last_visited_at <= $5::timestamptz - interval '1 minute')
  ), before AS (
    SELECT status AS "statusBefore" FROM activity_progress WHERE enrolment_id = $1 AND activity_id = $2
  )
  SELECT u.status, u.position, u.completed_at AS "completedAt", b."statusBefore",
         (SELECT count(*)::int FROM activity_progress
           WHERE enrolment_id = $1 AND status = 'completed' AND activity_id = ANY($6::uuid[])) AS "completedBefore"
    FROM upsert u LEFT JOIN before b ON true`;

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

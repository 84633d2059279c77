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
 * Records progress in one statement, the only one a progress write usually costs: it finds the
 * caller's enrolment by course slug, checks the activity is in their version (through the courses
 * module's `published_activity` view), writes the activity's row (completion never undone, a
 * position older than the stored one ignored) and moves the enrolment's resume point (the latest by
 * device time; to the minute when the activity is the same, so reading one lesson does not keep
 * rewriting the enrolment row). No row: not enrolled; `inVersion` false: no such activity there.
 * `statusBefore` is the activity's status before this write (a data-modifying CTE's changes are not
 * visible to the rest of its statement).
 *
 * $1 user, $2 course slug, $3 activity, $4 completed, $5 position, $6 device time.
 */
export const RECORD_PROGRESS = `
  WITH mine AS (
    SELECT e.id, e.version_id, e.completed_at,
           EXISTS (SELECT 1 FROM published_activity a
                    WHERE a.version_id = e.version_id AND a.activity_id = $3) AS in_version
      FROM enrolment e JOIN course_version_outline v ON v.version_id = e.version_id
     WHERE e.user_id = $1 AND v.slug = $2
  ), upsert AS (
    INSERT INTO activity_progress AS p (enrolment_id, activity_id, status, position, position_at, completed_at)
    SELECT m.id, $3, CASE WHEN $4::boolean THEN 'completed' ELSE 'started' END, $5::jsonb,
           CASE WHEN $5::jsonb IS NULL THEN NULL ELSE $6::timestamptz END,
           CASE WHEN $4::boolean THEN now() END
      FROM mine m WHERE m.in_version
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
    UPDATE enrolment e SET last_activity_id = $3, last_visited_at = $6::timestamptz
      FROM mine m
     WHERE e.id = m.id AND m.in_version
       AND (e.last_visited_at IS NULL
            OR (e.last_activity_id IS DISTINCT FROM $3 AND e.last_visited_at <= $6::timestamptz)
            OR e.last_visited_at <= $6::timestamptz - interval '1 minute')
  )
  SELECT m.id AS "enrolmentId", m.version_id AS "versionId", m.completed_at AS "courseCompletedAt",
         m.in_version AS "inVersion", u.status, u.position, u.completed_at AS "completedAt",
         (SELECT p.status FROM activity_progress p WHERE p.enrolment_id = m.id AND p.activity_id = $3) AS "statusBefore"
    FROM mine m LEFT JOIN upsert u ON true`;

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

/** SQL of trainers' SCORM reports. */

/**
 * A page ($3 size, $4 offset) of the learners of course $1 with, for activity $2, the latest attempt
 * of each SCO (as LATEST_ATTEMPTS reads them), attempts, time spent, last launch and completion.
 */
export const SCORM_LEARNERS = `
  SELECT e.id AS "enrolmentId", e.user_id AS "userId", p.display_name AS "displayName", p.email,
         e.version_id AS "versionId", ap.completed_at AS "completedAt",
         COALESCE((
           SELECT json_agg(l) FROM (
             SELECT DISTINCT ON (sco_id)
                    sco_id AS "scoId", number, completion_status AS completion, success_status AS success,
                    score_scaled::float8 AS "scoreScaled", suspended, ended_at IS NULL AS open,
                    updated_at AS "updatedAt",
                    session_id AS "sessionId", session_closed_at IS NOT NULL AS "sessionClosed",
                    cmi->>'progress_measure' AS "progressMeasure", cmi->'objectives' AS objectives,
                    count(*) OVER (PARTITION BY sco_id)::int AS attempts
               FROM scorm_attempt
              WHERE enrolment_id = e.id AND activity_id = $2
              ORDER BY sco_id, number DESC) l), '[]') AS latest,
         s.attempts, s.seconds AS "totalSeconds", s.launched AS "lastLaunchedAt",
         count(*) OVER ()::int AS total
    FROM enrolment e
    JOIN account_principal p ON p.user_id = e.user_id
    LEFT JOIN activity_progress ap ON ap.enrolment_id = e.id AND ap.activity_id = $2 AND ap.status = 'completed'
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS attempts, COALESCE(sum(total_seconds), 0)::float8 AS seconds,
             max(session_started_at) AS launched
        FROM scorm_attempt WHERE enrolment_id = e.id AND activity_id = $2) s
   WHERE e.course_id = $1
   ORDER BY lower(p.display_name), p.email
   LIMIT $3 OFFSET $4`;

/** Enrolment $1 of course $2: who it is and which version it plays. */
export const ENROLMENT_OF_COURSE = `
  SELECT e.id, e.version_id AS "versionId", p.display_name AS "displayName", p.email
    FROM enrolment e JOIN account_principal p ON p.user_id = e.user_id
   WHERE e.id = $1 AND e.course_id = $2`;

/** Every attempt of ($1 enrolment, $2 activity). */
export const ATTEMPTS_OF_ENROLMENT = `
  SELECT id, sco_id AS "scoId", number, suspended, started_at AS "startedAt", updated_at AS "updatedAt",
         ended_at AS "endedAt", session_count AS "sessionCount", completion_status AS completion,
         success_status AS success, score_scaled::float8 AS "scoreScaled", total_seconds::float8 AS "totalSeconds", cmi,
         COALESCE(length(suspend_data), 0)::int AS "suspendDataLength"
    FROM scorm_attempt
   WHERE enrolment_id = $1 AND activity_id = $2
   ORDER BY sco_id, number`;

/** Ends the open and suspended attempts of ($1 enrolment, $2 activity): the next launch starts afresh. */
export const RESET_ATTEMPTS = `
  UPDATE scorm_attempt SET ended_at = now(), suspended = false, session_closed_at = COALESCE(session_closed_at, now()),
         updated_at = now()
   WHERE enrolment_id = $1 AND activity_id = $2 AND ended_at IS NULL
  RETURNING id`;

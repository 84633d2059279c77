/** SQL of the SCORM runtime (table scorm_attempt, migration 1764530000000). */

/** The latest attempt of each SCO of ($1 enrolment, $2 activity), with how many attempts it had. */
export const LATEST_ATTEMPTS = `
  SELECT DISTINCT ON (sco_id)
         sco_id AS "scoId", number, completion_status AS completion, success_status AS success,
         score_scaled::float8 AS "scoreScaled", suspended, ended_at IS NULL AS open, updated_at AS "updatedAt",
         session_id AS "sessionId", session_closed_at IS NOT NULL AS "sessionClosed",
         cmi->>'progress_measure' AS "progressMeasure", cmi->'objectives' AS objectives,
         count(*) OVER (PARTITION BY sco_id)::int AS attempts
    FROM scorm_attempt
   WHERE enrolment_id = $1 AND activity_id = $2
   ORDER BY sco_id, number DESC`;

/** The latest attempt of ($1 enrolment, $2 activity, $3 SCO), locked for the launch that reads it. */
export const LATEST_ATTEMPT_FOR_LAUNCH = `
  SELECT id, number, ended_at IS NULL AS open, suspended, cmi, suspend_data AS "suspendData",
         total_seconds::float8 AS "totalSeconds",
         session_id AS "sessionId"
    FROM scorm_attempt
   WHERE enrolment_id = $1 AND activity_id = $2 AND sco_id = $3
   ORDER BY number DESC
   LIMIT 1
     FOR UPDATE`;

/**
 * A new session on a suspended attempt ($1 attempt, $2 session, $3 package): the sequence starts
 * again (each launch is a new scorm-again instance, counting from 1), and the session's base is the
 * total so far.
 */
export const RESUME_ATTEMPT = `
  UPDATE scorm_attempt
     SET session_id = $2, package_id = $3, sequence = 0, session_count = session_count + 1,
         session_base_seconds = total_seconds, session_started_at = now(), session_closed_at = NULL,
         updated_at = now()
   WHERE id = $1`;

export const END_ATTEMPT = `UPDATE scorm_attempt SET ended_at = now(), suspended = false, updated_at = now() WHERE id = $1`;

/**
 * Attempt $4 of ($1 enrolment, $2 activity, $3 SCO) with its first session $6. An asset has no
 * runtime to report anything: its attempt is complete, and over, once it is delivered ($7).
 */
export const START_ATTEMPT = `
  INSERT INTO scorm_attempt (enrolment_id, activity_id, sco_id, number, package_id, session_id, session_count,
                             session_started_at, completion_status, ended_at, session_closed_at)
  VALUES ($1, $2, $3, $4, $5, $6, 1, now(),
          CASE WHEN $7::boolean THEN 'completed' ELSE 'not attempted' END,
          CASE WHEN $7::boolean THEN now() END, CASE WHEN $7::boolean THEN now() END)`;

/** What a commit needs to know about its session ($1), read once per session and process. */
export const SESSION_FACTS = `
  SELECT a.id AS "attemptId", a.enrolment_id AS "enrolmentId", e.user_id AS "userId",
         a.activity_id AS "activityId", e.version_id AS "versionId", a.sco_id AS "scoId",
         a.session_base_seconds::float8 AS "baseSeconds"
    FROM scorm_attempt a JOIN enrolment e ON e.id = a.enrolment_id
   WHERE a.session_id = $1`;

/**
 * Applies commits, one per session at most (the batcher keys them by session): only to the
 * session that is its attempt's current one, not yet closed by its final commit, on an attempt
 * not ended, and only when the commit's sequence is above the stored one. One statement, no read
 * first: two commits of a session racing each other (in batches running at once) both find the row
 * locked by the other, and PostgreSQL re-checks `sequence < x.sequence` on the row the winner wrote,
 * so a stale one changes nothing. The batch's rows are visited in session order (the unique index
 * drives the join), so two batches at once lock in the same order and never wait on each other in a
 * cycle — without locking rows beforehand, which would cost a WAL record per commit (measured: a
 * third fewer commits per second with a FOR UPDATE step).
 *
 * A batch without a final commit does not wait for its WAL to reach the disk (synchronous_commit
 * off for that transaction only): each commit carries the SCO's whole state, so one lost to a
 * PostgreSQL crash (at most the last ~0.6 s of them, never out of order) is restored by the SCO's
 * next commit. A session's final commit, which nothing follows, is durable before it is answered.
 * Measured at 500 sessions: p99 61 → 39 ms, 1,400 → 1,650 commits/s (the WAL flush was the tail).
 */
export const APPLY_COMMITS = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::jsonb[], $4::text[], $5::text[], $6::numeric[],
                         $7::numeric[], $8::boolean[], $9::boolean[], $10::boolean[], $11::text[])
      WITH ORDINALITY AS x(session_id, sequence, cmi, completion, success, score_scaled, session_seconds,
                           suspended, ended, final, suspend_data, i)
  ), applied AS (
    UPDATE scorm_attempt a
       SET cmi = x.cmi,
           -- Unchanged suspend data keeps its stored (TOASTed) value instead of being written again.
           suspend_data = CASE WHEN a.suspend_data IS NOT DISTINCT FROM x.suspend_data THEN a.suspend_data
                               ELSE x.suspend_data END,
           completion_status = x.completion, success_status = x.success,
           score_scaled = x.score_scaled, total_seconds = a.session_base_seconds + x.session_seconds,
           sequence = x.sequence, suspended = x.suspended,
           ended_at = CASE WHEN x.ended THEN now() END,
           session_closed_at = CASE WHEN x.final THEN now() END,
           updated_at = now()
      FROM (SELECT * FROM input ORDER BY session_id) x
     WHERE a.session_id = x.session_id AND a.sequence < x.sequence
       AND a.ended_at IS NULL AND a.session_closed_at IS NULL
    RETURNING x.i
  ), durability AS (
    SELECT set_config('synchronous_commit', CASE WHEN bool_or(final) THEN 'on' ELSE 'off' END, true)
      FROM input
  )
  SELECT x.i::int AS "index", true AS applied FROM input x JOIN applied p ON p.i = x.i CROSS JOIN durability`;

/**
 * Whether session $1 of ($2 enrolment, $3 activity) has had its final commit (or its attempt ended
 * some other way). A session of another activity is none of this one's: its SCO identifier may
 * name an item here too.
 */
export const SESSION_CLOSED = `
  SELECT session_closed_at IS NOT NULL OR ended_at IS NOT NULL AS closed, sco_id AS "scoId"
    FROM scorm_attempt
   WHERE session_id = $1 AND enrolment_id = $2 AND activity_id = $3`;

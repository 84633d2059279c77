import { ATTEMPT_COLUMNS, SLOT_JSON } from './attempt-records.js';

/**
 * $1 attempt ids: those still open, locked (waiting for whoever holds one) with every slot of
 * theirs, as `AttemptRecord`s. Locking the slots waits for answer saves in flight and answers the
 * responses they left (the newest row versions), and holds back later saves until the submission
 * commits with the slots marked `locked`, which those saves then find. An attempt submitted
 * meanwhile by someone else drops out: FOR UPDATE checks `status` again on the newest row. The
 * slots are found through their primary key's first column (`= ANY($1)`), not by joining the CTE,
 * which the planner cannot estimate and would answer with a scan of every slot.
 */
export const LOCK_OPEN_ATTEMPTS = `
  WITH attempt AS (
    SELECT * FROM quiz_attempt WHERE id = ANY($1::uuid[]) AND status = 'open' ORDER BY id FOR UPDATE
  ), slot AS (
    SELECT s.* FROM quiz_attempt_slot s
     WHERE s.attempt_id = ANY($1::uuid[]) AND s.attempt_id IN (SELECT id FROM attempt)
     ORDER BY s.attempt_id, s.slot
       FOR UPDATE OF s
  ), slots AS (
    SELECT s.attempt_id, json_agg(${SLOT_JSON} ORDER BY s.slot) AS slots FROM slot s GROUP BY s.attempt_id
  )
  SELECT ${ATTEMPT_COLUMNS}, v.slug, COALESCE(g.slots, '[]') AS slots
    FROM attempt a
    JOIN course_version_outline v ON v.version_id = a.version_id
    LEFT JOIN slots g ON g.attempt_id = a.id`;

/**
 * For the sweeper: up to $2 open attempts whose deadline passed more than $1 seconds ago, oldest
 * first, locked, skipping those another transaction holds (another API process sweeping, or a
 * learner's submit), so that nobody waits and nothing is submitted twice. LOCK_OPEN_ATTEMPTS then
 * reads them (in the same transaction, which holds them already).
 */
export const CLAIM_DUE_ATTEMPTS = `
  SELECT id FROM quiz_attempt
   WHERE status = 'open' AND deadline < now() - make_interval(secs => $1)
   ORDER BY deadline LIMIT $2 FOR UPDATE SKIP LOCKED`;

/**
 * Writes a batch of submissions: $1 every slot's grade (JSON `[{ attemptId, slot, grading,
 * fraction, points }]`), which also locks it for good; $2 every attempt's totals (JSON `[{ id, auto,
 * points, maxPoints, score, passed, pendingGrading }]`), submitted at the transaction's time.
 */
export const WRITE_SUBMISSIONS = `
  WITH graded AS (
    UPDATE quiz_attempt_slot s
       SET locked = true, grading = g.grading, fraction = g.fraction, points = g.points
      FROM json_to_recordset($1::json)
           AS g("attemptId" uuid, slot int, grading text, fraction numeric, points numeric)
     WHERE s.attempt_id = g."attemptId" AND s.slot = g.slot
  )
  UPDATE quiz_attempt a
     SET status = 'submitted', submitted_at = now(), auto_submitted = t.auto, points = t.points,
         max_points = CASE WHEN t."maxPoints" > 0 THEN t."maxPoints" ELSE a.max_points END,
         score = t.score, passed = t.passed, pending_grading = t."pendingGrading"
    FROM json_to_recordset($2::json)
         AS t(id uuid, auto boolean, points numeric, "maxPoints" numeric, score numeric, passed boolean,
              "pendingGrading" int)
   WHERE a.id = t.id`;

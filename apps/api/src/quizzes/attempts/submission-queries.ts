import { ATTEMPT_COLUMNS } from './attempt-records.js';

/**
 * $1 attempt ids: those still open, locked (waiting for whoever holds one: answer saves in flight
 * hold theirs FOR SHARE), as `AttemptRow`s; MARKS_OF_ATTEMPTS then reads their slots' marks.
 * Answers saved later wait for the submission to commit and then find the attempt submitted. An
 * attempt submitted meanwhile by someone else drops out: FOR UPDATE checks `status` again on the
 * newest row.
 */
export const LOCK_OPEN_ATTEMPTS = `
  WITH attempt AS (
    SELECT * FROM quiz_attempt WHERE id = ANY($1::uuid[]) AND status = 'open' ORDER BY id FOR UPDATE
  )
  SELECT ${ATTEMPT_COLUMNS}, v.slug
    FROM attempt a JOIN course_version_outline v ON v.version_id = a.version_id`;

/**
 * $1 attempt ids: their slots' marks (given as each answer was saved) as `{ attemptId, marks }`
 * rows, each mark a `SlotToGrade` whose `response` is there only while its grading is `pending`
 * (an answer saved before marks were stored with it). Run after LOCK_OPEN_ATTEMPTS, in a statement
 * of its own, so that it sees the answers of saves that held the attempts until then.
 */
export const MARKS_OF_ATTEMPTS = `
  SELECT s.attempt_id AS "attemptId",
         json_agg(json_build_object(
           'slot', s.slot, 'questionId', s.question_id, 'version', s.question_version,
           'maxPoints', s.max_points::float8, 'grading', s.grading, 'fraction', s.fraction::float8,
           'points', s.points::float8, 'gradedBy', s.graded_by,
           'response', CASE WHEN s.grading = 'pending' THEN s.response END) ORDER BY s.slot) AS marks
    FROM quiz_attempt_slot s WHERE s.attempt_id = ANY($1::uuid[])
   GROUP BY s.attempt_id`;

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
 * Writes a batch of submissions: $1 the marks of slots graded only now (JSON `[{ attemptId, slot,
 * grading, fraction, points }]`, usually none); $2 every attempt's totals (JSON `[{ id, auto,
 * points, maxPoints, score, passed, pendingGrading }]`), submitted at the transaction's time. A
 * submitted attempt's status closes all its slots; `locked` on a slot is kept for those checked
 * during the attempt.
 */
export const WRITE_SUBMISSIONS = `
  WITH graded AS (
    UPDATE quiz_attempt_slot s
       SET grading = g.grading, fraction = g.fraction, points = g.points
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

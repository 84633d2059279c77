/**
 * Recomputes attempts' totals from their slots ($1 attempts, $2 each one's passing score in whole
 * percent). While an answer waits for a trainer the score and the pass are unknown (null); slots
 * collected without a mark count toward neither the points nor the maximum. Answers each
 * attempt's totals before and after, so callers can tell who newly passed.
 */
export const ATTEMPT_TOTALS = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::numeric[]) AS x(id, passing)
  ), sums AS (
    SELECT s.attempt_id,
           count(*) FILTER (WHERE s.grading = 'needs-grading')::int AS pending,
           COALESCE(sum(s.points) FILTER (WHERE s.grading = 'graded'), 0) AS points,
           sum(s.max_points) FILTER (WHERE s.grading <> 'ungraded') AS max_points
      FROM quiz_attempt_slot s JOIN input x ON x.id = s.attempt_id
     GROUP BY s.attempt_id
  ), before AS (
    SELECT a.id, a.passed, a.points FROM quiz_attempt a JOIN input x ON x.id = a.id
  )
  UPDATE quiz_attempt a
     SET pending_grading = s.pending,
         points = s.points,
         score = CASE WHEN s.pending = 0 AND s.max_points > 0 THEN s.points / s.max_points END,
         passed = CASE WHEN s.pending = 0 AND s.max_points > 0 THEN s.points / s.max_points * 100 >= x.passing END
    FROM sums s, input x, before b
   WHERE a.id = s.attempt_id AND x.id = a.id AND b.id = a.id
  RETURNING a.id, a.enrolment_id AS "enrolmentId", a.version_id AS "versionId",
            b.passed AS "passedBefore", a.passed, b.points::float8 AS "pointsBefore", a.points::float8 AS points`;

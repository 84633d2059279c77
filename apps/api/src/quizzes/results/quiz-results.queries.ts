/*
 * Trainers' reports read the attempts module's read model (quiz_attempt_record, quiz_slot_record)
 * and the accounts module's (account_principal), never their tables.
 */

/** $1 activity: every attempt with its learner, by learner then attempt number. */
export const QUIZ_ATTEMPTS = `
  SELECT a.id, a.user_id AS "userId", p.display_name AS "displayName", p.email, a.number, a.status,
         a.started_at AS "startedAt", a.submitted_at AS "submittedAt", a.auto_submitted AS "autoSubmitted",
         a.points::float8 AS points, a.max_points::float8 AS "maxPoints", a.score::float8 AS score,
         a.passed, a.pending_grading AS "pendingGrading"
    FROM quiz_attempt_record a JOIN account_principal p ON p.user_id = a.user_id
   WHERE a.activity_id = $1
   ORDER BY lower(p.display_name), p.email, a.number`;

/** $1 activity: each attempt's points per slot, for the CSV export. */
export const QUIZ_SLOT_POINTS = `
  SELECT s.attempt_id AS "attemptId",
         json_object_agg(s.slot, CASE WHEN s.grading = 'graded' THEN s.points::float8 END) AS points,
         max(s.slot)::int AS slots
    FROM quiz_slot_record s JOIN quiz_attempt_record a ON a.id = s.attempt_id
   WHERE a.activity_id = $1
   GROUP BY s.attempt_id`;

/** $1 attempt: the attempt with its learner. */
export const QUIZ_ATTEMPT = `
  SELECT a.id, a.activity_id AS "activityId", a.user_id AS "userId", p.display_name AS "displayName",
         p.email, a.number, a.status, a.started_at AS "startedAt", a.submitted_at AS "submittedAt",
         a.auto_submitted AS "autoSubmitted", a.points::float8 AS points,
         a.max_points::float8 AS "maxPoints", a.score::float8 AS score, a.passed,
         a.pending_grading AS "pendingGrading"
    FROM quiz_attempt_record a JOIN account_principal p ON p.user_id = a.user_id
   WHERE a.id = $1`;

/** $1 attempt: its slots in order. */
export const QUIZ_ATTEMPT_SLOTS = `
  SELECT s.slot, s.question_id AS "questionId", s.question_version AS "questionVersion",
         s.max_points::float8 AS "maxPoints", s.response, s.answered_at AS "answeredAt", s.grading,
         s.fraction::float8 AS fraction, s.points::float8 AS points, s.comment,
         s.graded_at AS "gradedAt", g.display_name AS "gradedBy"
    FROM quiz_slot_record s LEFT JOIN account_principal g ON g.user_id = s.graded_by
   WHERE s.attempt_id = $1
   ORDER BY s.slot`;

/** A submitted attempt as regrading and settling read it. */
export interface SubmittedAttempt {
  id: string;
  enrolmentId: string;
  activityId: string;
  versionId: string;
}

/** $1 attempt ids: those submitted, as `SubmittedAttempt`s (callers lock them, or append FOR UPDATE). */
export const SUBMITTED_ATTEMPTS = `
  SELECT id, enrolment_id AS "enrolmentId", activity_id AS "activityId", version_id AS "versionId"
    FROM quiz_attempt WHERE id = ANY($1::uuid[]) AND status = 'submitted'
   ORDER BY id`;

/** $1 attempt ids: their slots as grading reads them (`SlotToGrade` with `attemptId`), in order. */
export const SLOTS_TO_GRADE = `
  SELECT attempt_id AS "attemptId", slot, question_id AS "questionId", question_version AS version,
         max_points::float8 AS "maxPoints", response, grading, fraction::float8 AS fraction,
         points::float8 AS points, graded_by AS "gradedBy"
    FROM quiz_attempt_slot WHERE attempt_id = ANY($1::uuid[])
   ORDER BY attempt_id, slot`;

/** $1 slot marks, JSON `[{ attemptId, slot, grading, fraction, points }]`. */
export const WRITE_MARKS = `
  UPDATE quiz_attempt_slot s SET grading = g.grading, fraction = g.fraction, points = g.points
    FROM json_to_recordset($1::json) AS g("attemptId" uuid, slot int, grading text, fraction numeric, points numeric)
   WHERE s.attempt_id = g."attemptId" AND s.slot = g.slot`;

/** $1 attempt totals, JSON `[{ id, points, maxPoints, score, passed, pendingGrading }]`. */
export const WRITE_TOTALS = `
  UPDATE quiz_attempt a
     SET points = t.points, max_points = CASE WHEN t."maxPoints" > 0 THEN t."maxPoints" ELSE a.max_points END,
         score = t.score, passed = t.passed, pending_grading = t."pendingGrading"
    FROM json_to_recordset($1::json)
         AS t(id uuid, points numeric, "maxPoints" numeric, score numeric, passed boolean, "pendingGrading" int)
   WHERE a.id = t.id`;

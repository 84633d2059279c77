/**
 * Saves a batch of answers in one statement. For each ($1 attempt, $2 slot, $3 response, $4 device
 * time, $5 grace seconds, and the mark it earns: $6 grading, $7 fraction, $8 points) it writes the
 * response and its mark (so that a submission seldom has any slot to write) when the attempt is open, its deadline plus grace
 * has not passed, the slot is not locked (checked) and no newer answer is stored. The attempts are
 * held FOR SHARE until the batch commits: a submission (FOR UPDATE) waits for the answers in flight
 * and then reads them, and an answer arriving during a submission waits for it and finds the
 * attempt submitted. Answers one row a save by `index`, with `savedAt` null when nothing was
 * written: SLOT_STATE then tells why.
 */
export const SAVE_ANSWERS = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::jsonb[], $4::timestamptz[], $5::int[], $6::text[],
                         $7::numeric[], $8::numeric[])
      WITH ORDINALITY AS x(attempt_id, slot, response, at, grace, grading, fraction, points, i)
  ), open AS (
    SELECT id, deadline FROM quiz_attempt
     WHERE id IN (SELECT attempt_id FROM input) AND status = 'open'
     ORDER BY id FOR SHARE
  ), saved AS (
    UPDATE quiz_attempt_slot s
       SET response = x.response, answered_at = LEAST(x.at, now()),
           grading = x.grading, fraction = x.fraction, points = x.points
      FROM input x JOIN open a ON a.id = x.attempt_id
     WHERE s.attempt_id = x.attempt_id AND s.slot = x.slot AND NOT s.locked
       AND (a.deadline IS NULL OR now() <= a.deadline + make_interval(secs => x.grace))
       AND (s.answered_at IS NULL OR s.answered_at <= LEAST(x.at, now()))
    RETURNING x.i, s.answered_at
  )
  SELECT x.i::int AS "index", v.answered_at AS "savedAt" FROM input x LEFT JOIN saved v ON v.i = x.i`;

/** Why an answer to ($1 attempt, $2 slot) was not written, given $3 grace seconds: as `SavedRow`. */
export const SLOT_STATE = `
  SELECT NULL AS "savedAt", a.status, s.locked, s.answered_at AS "storedAt",
         (a.deadline IS NOT NULL AND now() > a.deadline + make_interval(secs => $3)) AS overdue
    FROM quiz_attempt a JOIN quiz_attempt_slot s ON s.attempt_id = a.id AND s.slot = $2
   WHERE a.id = $1`;

/**
 * Starts attempt max+1 of this learner at this quiz. The constraints keep it right under
 * concurrency: the number is unique per learner and quiz, never above the attempts allowed (copied
 * here), and only one attempt may be open. The deadline is the time limit's end or the window's,
 * whichever comes first (LEAST ignores nulls).
 */
export const START_ATTEMPT = `
  INSERT INTO quiz_attempt (enrolment_id, user_id, activity_id, version_id, number, attempts_allowed, deadline, max_points)
  SELECT $1, $2, $3, $4, COALESCE(max(number), 0) + 1, $5::int,
         LEAST(now() + make_interval(mins => $6::int), $7::timestamptz), $8
    FROM quiz_attempt WHERE enrolment_id = $1 AND activity_id = $3
  RETURNING id`;

/** $1 attempt, $2 its slots as JSON, each with the mark of no answer. */
export const INSERT_SLOTS = `
  INSERT INTO quiz_attempt_slot (attempt_id, slot, question_id, question_version, option_order, max_points,
                                 grading, fraction, points)
  SELECT $1, s.slot, s.question_id, s.version, s.option_order, s.max_points, s.grading, s.fraction, s.points
    FROM jsonb_to_recordset($2::jsonb)
      AS s(slot int, question_id uuid, version int, option_order jsonb, max_points numeric, grading text,
           fraction numeric, points numeric)`;

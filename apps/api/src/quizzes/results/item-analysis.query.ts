/*
 * Item analysis runs in the database: a quiz with 10,000 attempts holds 200,000 slot rows, which
 * are aggregated where they are rather than shipped to the API. Only submitted attempts with
 * nothing left to grade count, as in Moodle's statistics report.
 *
 * Discrimination is the Pearson correlation (PostgreSQL's `corr`) between a question's score and
 * the score on the rest of the attempt, so a question is not correlated with itself.
 */

const GRADED_SLOTS = `
  WITH attempts AS (
    SELECT id, points, max_points FROM quiz_attempt_record
     WHERE activity_id = $1 AND status = 'submitted' AND pending_grading = 0
  ), slots AS (
    SELECT s.question_id, s.question_version, s.slot, s.fraction, s.points, s.max_points, s.response,
           a.points AS total, a.max_points AS total_max
      FROM quiz_slot_record s JOIN attempts a ON a.id = s.attempt_id
     WHERE s.grading = 'graded'
  )`;

/** $1 activity: one row per question answered in the quiz's attempts. */
export const QUESTION_STATISTICS = `${GRADED_SLOTS}
  SELECT question_id AS "questionId",
         max(question_version)::int AS "latestVersion",
         min(slot)::int AS "firstSlot",
         count(*)::int AS attempts,
         avg(fraction)::float8 AS facility,
         corr(fraction::float8, CASE WHEN total_max > max_points
                                     THEN ((total - points) / (total_max - max_points))::float8 END) AS discrimination,
         stddev_samp(fraction::float8) AS "standardDeviation",
         avg(points)::float8 AS "meanPoints",
         max(max_points)::float8 AS "maxPoints"
    FROM slots
   GROUP BY question_id`;

/**
 * $1 activity: how often each choice was made, per question: options of single-choice and
 * multiple-response questions, true or false, and the commonest text answers (normalised as
 * grading normalises them: trimmed, spaces collapsed, lower case), at most $2 of them a question.
 */
export const RESPONSE_FREQUENCIES = `${GRADED_SLOTS}, choices AS (
    SELECT s.question_id, c.choice, c.is_text
      FROM slots s
      CROSS JOIN LATERAL (
        SELECT s.response ->> 'optionId', false WHERE s.response ? 'optionId'
        UNION ALL
        SELECT o, false FROM jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(s.response -> 'optionIds') = 'array' THEN s.response -> 'optionIds' ELSE '[]' END) o
        UNION ALL
        SELECT s.response ->> 'answer', false WHERE s.response ? 'answer'
        UNION ALL
        SELECT lower(regexp_replace(btrim(s.response ->> 'text'), '\\s+', ' ', 'g')), true
         WHERE s.response ? 'text' AND length(s.response ->> 'text') <= 200
      ) AS c(choice, is_text)
  ), counted AS (
    SELECT question_id, choice, is_text, count(*)::int AS count,
           row_number() OVER (PARTITION BY question_id, is_text ORDER BY count(*) DESC, choice) AS rank
      FROM choices GROUP BY question_id, choice, is_text
  )
  SELECT question_id AS "questionId", choice, is_text AS "isText", count
    FROM counted WHERE NOT is_text OR rank <= $2
   ORDER BY question_id, count DESC, choice`;

/** $1 activity: the attempts the analysis counts, and their mean score. */
export const ANALYSED_ATTEMPTS = `
  SELECT count(*)::int AS attempts, avg(score)::float8 AS "meanScore"
    FROM quiz_attempt_record
   WHERE activity_id = $1 AND status = 'submitted' AND pending_grading = 0`;

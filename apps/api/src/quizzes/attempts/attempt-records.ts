import type { Response } from '../questions/index.js';

export type SlotGrading = 'pending' | 'graded' | 'needs-grading' | 'ungraded';

/** One slot of an attempt as stored, numbers as numbers. */
export interface SlotRecord {
  slot: number;
  questionId: string;
  version: number;
  optionOrder: string[] | null;
  maxPoints: number;
  response: Response | null;
  answeredAt: string | null;
  locked: boolean;
  grading: SlotGrading;
  fraction: number | null;
  points: number | null;
  comment: string | null;
  gradedBy: string | null;
}

/** An attempt with its slots, as stored. */
export interface AttemptRecord extends AttemptRow {
  slots: SlotRecord[];
}

/** An attempt as stored, without its slots. */
export interface AttemptRow {
  id: string;
  enrolmentId: string;
  userId: string;
  activityId: string;
  versionId: string;
  slug: string;
  number: number;
  status: 'open' | 'submitted';
  startedAt: Date;
  deadline: Date | null;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  maxPoints: number;
  points: number | null;
  score: number | null;
  passed: boolean | null;
  pendingGrading: number;
  serverNow: Date;
}

export const ATTEMPT_COLUMNS = `
  a.id, a.enrolment_id AS "enrolmentId", a.user_id AS "userId", a.activity_id AS "activityId",
  a.version_id AS "versionId", a.number, a.status, a.started_at AS "startedAt", a.deadline,
  a.submitted_at AS "submittedAt", a.auto_submitted AS "autoSubmitted", a.max_points::float8 AS "maxPoints",
  a.points::float8 AS points, a.score::float8 AS score, a.passed, a.pending_grading AS "pendingGrading",
  now() AS "serverNow"`;

/** A `SlotRecord` as JSON, from a quiz_attempt_slot row named `s`. */
export const SLOT_JSON = `json_build_object(
      'slot', s.slot, 'questionId', s.question_id, 'version', s.question_version, 'optionOrder', s.option_order,
      'maxPoints', s.max_points::float8, 'response', s.response, 'answeredAt', s.answered_at, 'locked', s.locked,
      'grading', s.grading, 'fraction', s.fraction::float8, 'points', s.points::float8, 'comment', s.comment,
      'gradedBy', s.graded_by)`;

const SLOTS = `
  COALESCE((SELECT json_agg(${SLOT_JSON} ORDER BY s.slot)
    FROM quiz_attempt_slot s WHERE s.attempt_id = a.id), '[]')`;

/** $1 attempt: the attempt, its course's slug and its slots, in one row. */
export const ATTEMPT_WITH_SLOTS = `
  SELECT ${ATTEMPT_COLUMNS}, v.slug, ${SLOTS} AS slots
    FROM quiz_attempt a JOIN course_version_outline v ON v.version_id = a.version_id
   WHERE a.id = $1`;

/** $1 enrolment, $2 activity: every attempt of this learner at this quiz, oldest first, without slots. */
export const ATTEMPTS_OF_LEARNER = `
  SELECT ${ATTEMPT_COLUMNS}, '' AS slug, '[]'::json AS slots
    FROM quiz_attempt a WHERE a.enrolment_id = $1 AND a.activity_id = $2 ORDER BY a.number`;

/** Timestamps inside json_agg come back as text in PostgreSQL's format; answer ISO 8601. */
export const isoOrNull = (value: string | Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

import type { EntityManager } from 'typeorm';
import { MINIMUM_RATERS } from './anonymity.js';

/**
 * The SQL behind the consensus view, results and regional profile. Every figure is aggregated in
 * the database (GROUP BY), so an assessment of 200 participants × 60 statements is read as a few
 * hundred grouped rows, not twelve thousand ratings. No query returns a participant id next to a
 * rating: the anonymity of the views starts here.
 */

export interface StatementCountRow {
  statementId: string;
  /** Null: "don't know". */
  value: number | null;
  count: number;
}

/** How many participants gave each answer to each statement of an assessment. */
export function statementCounts(db: EntityManager, assessmentId: string): Promise<StatementCountRow[]> {
  return db.query(
    `SELECT r.statement_id AS "statementId", r.value, count(*)::int AS count
       FROM dgca_rating r JOIN dgca_participant p ON p.id = r.participant_id
      WHERE p.assessment_id = $1
      GROUP BY r.statement_id, r.value`,
    [assessmentId],
  ) as Promise<StatementCountRow[]>;
}

export interface CommentRow {
  statementId: string;
  text: string;
  evidenceUrl: string | null;
}

/** Comments and evidence links, without who wrote them (sorted by text by the caller). */
export function comments(db: EntityManager, assessmentId: string): Promise<CommentRow[]> {
  return db.query(
    `SELECT r.statement_id AS "statementId", COALESCE(r.comment, '') AS text, r.evidence_url AS "evidenceUrl"
       FROM dgca_rating r JOIN dgca_participant p ON p.id = r.participant_id
      WHERE p.assessment_id = $1 AND (btrim(COALESCE(r.comment, '')) <> '' OR r.evidence_url IS NOT NULL)`,
    [assessmentId],
  ) as Promise<CommentRow[]>;
}

export interface Headcount {
  participants: number;
  /** Participants who answered at least one statement. */
  raters: number;
}

export async function headcount(db: EntityManager, assessmentId: string): Promise<Headcount> {
  const [row] = (await db.query(
    `SELECT count(*)::int AS participants,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dgca_rating r WHERE r.participant_id = p.id))::int AS raters
       FROM dgca_participant p WHERE p.assessment_id = $1`,
    [assessmentId],
  )) as Headcount[];
  return row ?? { participants: 0, raters: 0 };
}

export interface ConsensusRow {
  statementId: string;
  value: number | null;
  notes: string;
  recordedAt: Date;
}

export function consensusRecords(db: EntityManager, assessmentId: string): Promise<ConsensusRow[]> {
  return db.query(
    `SELECT statement_id AS "statementId", value, notes, recorded_at AS "recordedAt"
       FROM dgca_consensus WHERE assessment_id = $1`,
    [assessmentId],
  ) as Promise<ConsensusRow[]>;
}

export interface DimensionFigures {
  assessmentId: string;
  key: string;
  /** Distinct participants behind the numeric ratings of the dimension. */
  raters: number;
  average: number | null;
  spread: number | null;
  /** Mean of the numeric consensus values of the dimension's statements. */
  consensus: number | null;
}

/**
 * Per assessment and dimension key: the individual ratings' mean and population standard
 * deviation ("don't know" left out), how many people they come from, and the mean agreed rating.
 * By key, so an assessment on another framework version (a previous one) compares by dimension.
 * Only statements answered by at least MINIMUM_RATERS people count, as the consensus view shows
 * only theirs: with a statement one person answered in it, the dimension's average less the
 * shown statements' means would give that person's rating (and the participants list, who).
 */
export function dimensionFigures(db: EntityManager, assessmentIds: string[]): Promise<DimensionFigures[]> {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db.query(
    `WITH shown AS (
       SELECT p.assessment_id, r.statement_id
         FROM dgca_participant p JOIN dgca_rating r ON r.participant_id = p.id
        WHERE p.assessment_id = ANY($1::uuid[])
        GROUP BY p.assessment_id, r.statement_id
       HAVING count(*) >= $2),
     rated AS (
       SELECT p.assessment_id, d.key,
              count(DISTINCT r.participant_id) FILTER (WHERE r.value IS NOT NULL)::int AS raters,
              avg(r.value)::float8 AS average, stddev_pop(r.value)::float8 AS spread
         FROM dgca_participant p
         JOIN dgca_rating r ON r.participant_id = p.id
         JOIN shown ON shown.assessment_id = p.assessment_id AND shown.statement_id = r.statement_id
         JOIN dgca_statement s ON s.id = r.statement_id
         JOIN dgca_dimension d ON d.id = s.dimension_id
        WHERE p.assessment_id = ANY($1::uuid[])
        GROUP BY p.assessment_id, d.key),
     agreed AS (
       SELECT c.assessment_id, d.key, avg(c.value)::float8 AS consensus
         FROM dgca_consensus c
         JOIN dgca_statement s ON s.id = c.statement_id
         JOIN dgca_dimension d ON d.id = s.dimension_id
        WHERE c.assessment_id = ANY($1::uuid[]) AND c.value IS NOT NULL
        GROUP BY c.assessment_id, d.key)
     SELECT assessment_id AS "assessmentId", key, COALESCE(rated.raters, 0) AS raters,
            rated.average, rated.spread, agreed.consensus
       FROM rated FULL JOIN agreed USING (assessment_id, key)`,
    [assessmentIds, MINIMUM_RATERS],
  ) as Promise<DimensionFigures[]>;
}

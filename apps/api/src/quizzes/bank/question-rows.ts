import type { EntityManager } from 'typeorm';
import type { QuestionType } from '../questions/index.js';
import type { QuestionSummary } from './question-bank.dto.js';

/** A summary row, with the course it belongs to (which the summary itself does not show). */
export interface SummaryRow extends Omit<QuestionSummary, 'updatedAt'> {
  courseId: string;
  updatedAt: Date;
}

/**
 * A question at its current version, as the bank lists it. `usedIn` counts the quiz drafts whose
 * slots name the question (a jsonb containment test, so any slot shape with `questionId` counts).
 */
export const SUMMARY_SELECT = `
  SELECT q.id, q.course_id AS "courseId", v.name, v.type, q.category, q.tags,
         q.current_version AS version, (v.body->>'points')::float8 AS points,
         q.archived_at IS NOT NULL AS archived, q.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM quiz_content qc
           WHERE qc.slots @> jsonb_build_array(jsonb_build_object('questionId', q.id))) AS "usedIn"
    FROM question q
    JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version`;

export const toSummary = (row: SummaryRow): QuestionSummary => ({
  id: row.id,
  name: row.name,
  type: row.type as QuestionType,
  category: row.category,
  tags: row.tags,
  version: row.version,
  points: row.points,
  usedIn: row.usedIn,
  archived: row.archived,
  updatedAt: row.updatedAt.toISOString(),
});

export async function summaryRows(manager: EntityManager, ids: string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  return (await manager.query(`${SUMMARY_SELECT} WHERE q.id = ANY($1::uuid[])`, [ids])) as SummaryRow[];
}

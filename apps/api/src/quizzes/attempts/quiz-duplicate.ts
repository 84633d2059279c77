import type { EntityManager } from 'typeorm';
import { questionCopyKey, type QuestionCopies, type QuestionCopy } from '../bank/question-copies.service.js';
import type { QuestionVersions } from '../bank/question-versions.service.js';
import type { QuizSlotValue } from './quiz-settings.js';

interface Row {
  fromId: string;
  toId: string;
  fromCourse: string;
  toCourse: string;
  settings: unknown;
  slots: QuizSlotValue[];
}

/**
 * Copies quizzes to the activities of a duplicated course. A quiz draws from its own course's bank,
 * so the questions it uses (its fixed questions and every question of its random draws' categories)
 * are copied into the new course's bank at their current versions, once each, and the copy's fixed
 * slots point to the copies. Learners' attempts are never copied.
 */
export async function duplicateQuizzes(
  bank: { versions: QuestionVersions; copies: QuestionCopies },
  copies: Map<string, string>,
  tx: EntityManager,
): Promise<void> {
  if (copies.size === 0) return;
  const rows = (await tx.query(
    `SELECT o.from_id AS "fromId", o.to_id AS "toId", fm.course_id AS "fromCourse", tm.course_id AS "toCourse",
            q.settings, q.slots
       FROM unnest($1::uuid[], $2::uuid[]) AS o(from_id, to_id)
       JOIN quiz_content q ON q.activity_id = o.from_id
       JOIN activity fa ON fa.id = o.from_id JOIN course_module fm ON fm.id = fa.module_id
       JOIN activity ta ON ta.id = o.to_id JOIN course_module tm ON tm.id = ta.module_id`,
    [[...copies.keys()], [...copies.values()]],
  )) as Row[];
  if (rows.length === 0) return;

  const slotsOf = (row: Row) => (Array.isArray(row.slots) ? row.slots : []);
  const pools = await bank.versions.pools(
    rows.flatMap((row) =>
      slotsOf(row).flatMap((slot) =>
        slot.kind === 'random' ? [{ courseId: row.fromCourse, category: slot.category }] : [],
      ),
    ),
    tx,
  );
  const fixed = await bank.versions.current(
    rows.flatMap((row) =>
      slotsOf(row).flatMap((slot) => (slot.kind === 'question' ? [slot.questionId] : [])),
    ),
    tx,
  );
  const wanted: QuestionCopy[] = [];
  for (const row of rows) {
    for (const slot of slotsOf(row)) {
      if (slot.kind === 'question') {
        // A question from another course's bank is left as it is: publishing names the problem.
        if (fixed.get(slot.questionId)?.courseId === row.fromCourse) {
          wanted.push({ questionId: slot.questionId, courseId: row.toCourse });
        }
      } else {
        for (const q of pools) {
          if (q.courseId === row.fromCourse && q.category === slot.category) {
            wanted.push({ questionId: q.questionId, courseId: row.toCourse });
          }
        }
      }
    }
  }
  const copied = await bank.copies.copy(wanted, tx);
  const values = rows.map((row) => ({
    activityId: row.toId,
    settings: row.settings,
    slots: slotsOf(row).map((slot) =>
      slot.kind === 'question'
        ? {
            ...slot,
            questionId:
              copied.get(questionCopyKey({ questionId: slot.questionId, courseId: row.toCourse })) ??
              slot.questionId,
          }
        : slot,
    ),
  }));
  await tx.query(
    `INSERT INTO quiz_content (activity_id, settings, slots, revision, updated_at, updated_by)
     SELECT c.activity_id, c.settings, c.slots, 1, now(), NULL
       FROM jsonb_to_recordset($1::jsonb) AS c(activity_id uuid, settings jsonb, slots jsonb)`,
    [
      JSON.stringify(
        values.map((v) => ({ activity_id: v.activityId, settings: v.settings, slots: v.slots })),
      ),
    ],
  );
}

import type { EntityManager } from 'typeorm';

/**
 * Copies lesson documents to the activities of a duplicated course, in one statement. The copy starts
 * its own revision history at 1. Reflection block ids stay as they are: learners' answers are keyed
 * by activity and block, so the copy's blocks start with no answers.
 */
export async function duplicateLessons(copies: Map<string, string>, tx: EntityManager): Promise<void> {
  if (copies.size === 0) return;
  await tx.query(
    `INSERT INTO lesson_content (activity_id, document, revision, updated_at, updated_by)
     SELECT o.to_id, l.document, 1, now(), NULL
       FROM unnest($1::uuid[], $2::uuid[]) AS o(from_id, to_id)
       JOIN lesson_content l ON l.activity_id = o.from_id`,
    [[...copies.keys()], [...copies.values()]],
  );
}

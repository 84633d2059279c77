import type { EntityManager } from 'typeorm';
import type { ActivitySnapshot } from '../activities/activity-kinds.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { validateDocument } from '../rich-text/index.js';

/**
 * Freezes lessons for a published version: each document validated again (the schema may have
 * tightened since it was saved). Only the document is kept; the reader renders it in the learner's
 * language (lesson-reader.ts). An empty lesson cannot be published.
 */
export async function snapshotLessons(
  activityIds: string[],
  tx: EntityManager,
): Promise<Map<string, ActivitySnapshot>> {
  const rows = (await tx.query(
    `SELECT activity_id AS "activityId", document FROM lesson_content WHERE activity_id = ANY($1)`,
    [activityIds],
  )) as { activityId: string; document: unknown }[];
  const snapshots = new Map<string, ActivitySnapshot>();
  for (const { activityId, document: stored } of rows) {
    try {
      const { document } = validateDocument(stored, { field: 'document' });
      if (document.content.length === 0) {
        snapshots.set(activityId, { content: {}, problems: ['the lesson is empty'] });
        continue;
      }
      snapshots.set(activityId, { content: { document }, problems: [] });
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      const errors = error.problem.errors ?? [];
      snapshots.set(activityId, {
        content: {},
        problems: errors.map((e) => `the lesson document is not valid at ${e.field}: ${e.message}`),
      });
    }
  }
  return snapshots;
}

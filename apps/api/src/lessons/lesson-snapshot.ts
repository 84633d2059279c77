import type { EntityManager } from 'typeorm';
import type { ActivitySnapshot } from '../activities/activity-kinds.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { renderHtml, validateDocument, type RichTextLabels } from '../rich-text/index.js';

/**
 * The labels the published HTML shows around author text. A version is rendered once, when it is
 * published, and in English for now: the learner app does not read versions yet, and when it does it
 * will either render per language from the stored document or replace these labels by its own.
 */
export const PUBLISHED_LABELS: RichTextLabels = {
  transcript: 'Transcript',
  captions: 'Captions',
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  caseStudy: 'Case study',
  reflection: 'Reflection',
  sources: 'Sources',
};

/**
 * Freezes lessons for a published version: each document validated again (the schema may have
 * tightened since it was saved) and rendered to sanitized HTML. An empty lesson cannot be published.
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
      const html = renderHtml(document, {
        labels: PUBLISHED_LABELS,
        idPrefix: `l-${activityId.slice(0, 8)}`,
      });
      snapshots.set(activityId, { content: { document, html }, problems: [] });
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

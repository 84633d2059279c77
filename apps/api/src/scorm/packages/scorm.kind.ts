import type { ActivityKind, ActivitySnapshot } from '../../activities/activity-kinds.js';
import type { FrozenScorm } from '../frozen-scorm.js';
import type { ScormManifest } from '../package/manifest/index.js';
import { freezePackage, presentedItems } from './package-tree.js';

export const SCORM_KIND = 'scorm';

/**
 * A SCORM package played in the learner's reader (ADR 0016). It completes itself when the runtime
 * finds its organization completed; learners cannot mark it completed.
 */
export const scormKind: ActivityKind = {
  kind: SCORM_KIND,
  describe: { label: 'SCORM package' },
  completedBy: 'kind',
  async onCreate(activityId, tx) {
    await tx.query(`INSERT INTO scorm_content (activity_id) VALUES ($1)`, [activityId]);
  },
  async snapshot(activityIds, tx) {
    const rows = (await tx.query(
      `SELECT c.activity_id AS "activityId", p.id, p.title, p.manifest
         FROM scorm_content c LEFT JOIN scorm_package p ON p.id = c.package_id
        WHERE c.activity_id = ANY($1)`,
      [activityIds],
    )) as { activityId: string; id: string | null; title: string | null; manifest: ScormManifest | null }[];
    const snapshots = new Map<string, ActivitySnapshot>();
    for (const row of rows) {
      snapshots.set(
        row.activityId,
        row.id && row.manifest?.organization
          ? {
              content: freezePackage({
                id: row.id,
                title: row.title!,
                manifest: row.manifest,
              }) as unknown as Record<string, unknown>,
              problems: [],
            }
          : { content: {}, problems: ['Upload a SCORM package.'] },
      );
    }
    return snapshots;
  },
  // The copy plays the same immutable package until its authors upload another.
  async duplicate(copies, tx) {
    if (copies.size === 0) return;
    await tx.query(
      `INSERT INTO scorm_content (activity_id, package_id, updated_at, updated_by)
       SELECT o.to_id, c.package_id, now(), NULL
         FROM unnest($1::uuid[], $2::uuid[]) AS o(from_id, to_id)
         JOIN scorm_content c ON c.activity_id = o.from_id`,
      [[...copies.keys()], [...copies.values()]],
    );
  },
  present(content) {
    const scorm = content as unknown as FrozenScorm;
    return {
      content: {
        packageId: scorm.packageId,
        scormVersion: scorm.scormVersion,
        title: scorm.title,
        items: presentedItems(scorm.organization.items),
      },
      reflections: [],
    };
  },
};

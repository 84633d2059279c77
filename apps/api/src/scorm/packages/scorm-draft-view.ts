import type { EntityManager } from 'typeorm';
import type { PackageProblem, ScormManifest } from '../package/manifest/index.js';
import { frozenItems, itemViews, replacementOf } from './package-tree.js';
import type { ScormDraftView, ScormPackageSummary } from './scorm-packages.dto.js';

interface PackageRow {
  id: string;
  activityId: string;
  scormVersion: string;
  title: string;
  originalName: string;
  zipBytes: string | number;
  unpackedBytes: string | number;
  fileCount: number;
  manifest: ScormManifest;
  warnings: PackageProblem[];
  uploadedAt: Date;
  uploaderId: string | null;
  uploaderName: string | null;
}

const PACKAGE_COLUMNS = `p.id, p.activity_id AS "activityId", p.scorm_version AS "scormVersion", p.title,
  p.original_name AS "originalName", p.zip_bytes AS "zipBytes", p.unpacked_bytes AS "unpackedBytes",
  p.file_count AS "fileCount", p.manifest, p.warnings, p.uploaded_at AS "uploadedAt",
  u.user_id AS "uploaderId", u.display_name AS "uploaderName"`;

/**
 * The draft: its current package in full, with the replacement report, and older uploads. The
 * uploader's name comes from the accounts module's read model (account_principal), not its table.
 */
export async function readDraftView(
  manager: EntityManager,
  activityId: string,
): Promise<Pick<ScormDraftView, 'activityId' | 'package' | 'history'>> {
  const [content] = (await manager.query(
    `SELECT package_id AS "packageId" FROM scorm_content WHERE activity_id = $1`,
    [activityId],
  )) as { packageId: string | null }[];
  const rows = (await manager.query(
    `SELECT ${PACKAGE_COLUMNS}
       FROM scorm_package p LEFT JOIN account_principal u ON u.user_id = p.uploaded_by
      WHERE p.activity_id = $1 OR p.id = $2
      ORDER BY p.uploaded_at DESC, p.id DESC`,
    [activityId, content?.packageId ?? null],
  )) as PackageRow[];
  const currentIndex = rows.findIndex((row) => row.id === content?.packageId);
  const current = rows[currentIndex];
  // The package it replaced: the upload to this activity just before it.
  const previous = current
    ? rows.slice(currentIndex + 1).find((row) => row.activityId === activityId && row.id !== current.id)
    : undefined;
  return {
    activityId,
    package: current
      ? {
          ...summaryOf(current),
          warnings: current.warnings,
          items: itemViews(frozenItems(current.manifest)),
          replacement: previous ? replacementOf(previous.manifest, current.manifest) : null,
        }
      : null,
    history: rows.filter((row) => row.id !== current?.id && row.activityId === activityId).map(summaryOf),
  };
}

function summaryOf(row: PackageRow): ScormPackageSummary {
  return {
    id: row.id,
    scormVersion: row.scormVersion,
    title: row.title,
    originalName: row.originalName,
    zipBytes: Number(row.zipBytes),
    unpackedBytes: Number(row.unpackedBytes),
    fileCount: row.fileCount,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
    uploadedBy: row.uploaderId ? { id: row.uploaderId, name: row.uploaderName ?? '' } : null,
  };
}

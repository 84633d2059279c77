import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPackage, MANIFEST_FILE, type PackageCheck } from './check-package.js';

/** Checks the manifest of a package already extracted into `folder` (see `safeUnzip`). */
export async function readPackageManifest(
  folder: string,
  files: readonly { path: string }[],
): Promise<PackageCheck> {
  const hasManifest = files.some((file) => file.path === MANIFEST_FILE);
  const source = hasManifest ? await readFile(join(folder, MANIFEST_FILE), 'utf8') : null;
  // A byte-order mark is common in manifests written by Windows tools and is not part of the XML.
  return checkPackage(source?.replace(/^\uFEFF/, '') ?? null, files);
}

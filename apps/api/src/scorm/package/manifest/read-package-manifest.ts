import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPackage, MANIFEST_FILE, type PackageCheck } from './check-package.js';

/**
 * The manifest is read whole (an XML parser needs it), so its size is bounded on its own: real
 * manifests are well under a megabyte, and the package's total limit is gigabytes.
 */
export const DEFAULT_MAX_MANIFEST_BYTES = 20 * 1024 ** 2;

/** Checks the manifest of a package already extracted into `folder` (see `safeUnzip`). */
export async function readPackageManifest(
  folder: string,
  files: readonly { path: string; size: number }[],
  maxManifestBytes = DEFAULT_MAX_MANIFEST_BYTES,
): Promise<PackageCheck> {
  const manifestFile = files.find((file) => file.path === MANIFEST_FILE);
  if (manifestFile && manifestFile.size > maxManifestBytes) {
    return {
      manifest: null,
      importable: false,
      problems: [
        {
          severity: 'error',
          code: 'manifest-too-large',
          detail: `imsmanifest.xml is larger than ${Math.round(maxManifestBytes / 1024 ** 2)} MB, far beyond any real package's manifest.`,
        },
      ],
    };
  }
  const source = manifestFile ? await readFile(join(folder, MANIFEST_FILE), 'utf8') : null;
  return checkPackage(source, files);
}

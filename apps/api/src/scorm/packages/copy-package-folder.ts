import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractedFile, UnzipLimits } from '../package/index.js';

export interface CopiedFolder {
  files: ExtractedFile[];
  bytes: number;
  /** Over every file's path and content in path order, so the same folder always hashes alike. */
  sha256: string;
}

/**
 * Copies a package folder that ships with the server (the demo seed's) into a fresh package
 * folder, as `safeUnzip` would have extracted its zip: regular files only, counted against the
 * same limits. The source is trusted, so a symlink or an overrun is a programming error, not a
 * refusal to explain.
 */
export async function copyPackageFolder(
  source: string,
  target: string,
  limits: Pick<UnzipLimits, 'maxEntries' | 'maxTotalBytes'>,
): Promise<CopiedFolder> {
  const paths: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(join(source, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) paths.push(path);
      else throw new Error(`${join(source, path)} is neither a file nor a folder`);
    }
  };
  await walk('');
  paths.sort();
  if (paths.length > limits.maxEntries) throw new Error(`${source} has more than ${limits.maxEntries} files`);
  const hash = createHash('sha256');
  const files: ExtractedFile[] = [];
  let bytes = 0;
  for (const path of paths) {
    const content = await readFile(join(source, path));
    bytes += content.length;
    if (bytes > limits.maxTotalBytes)
      throw new Error(`${source} is larger than ${limits.maxTotalBytes} bytes`);
    hash.update(path).update('\0').update(content);
    const parts = path.split('/');
    if (parts.length > 1) await mkdir(join(target, ...parts.slice(0, -1)), { recursive: true });
    // Written from the bytes just read and hashed, rather than read a second time by a copy.
    await writeFile(join(target, ...parts), content, { flag: 'wx' });
    files.push({ path, size: content.length });
  }
  return { files, bytes, sha256: hash.digest('hex') };
}

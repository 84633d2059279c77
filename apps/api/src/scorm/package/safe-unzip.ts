import { createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ZipFile } from 'yauzl';
import { entryPath, isSymlink } from './entry-path.js';
import { type ExtractionTally, InflateMeter } from './inflate-meter.js';
import { DEFAULT_UNZIP_LIMITS, type UnzipLimits } from './unzip-limits.js';
import { UnzipError } from './unzip-problem.js';
import { entryName, nextEntry, openEntryStream, openZip, streamProblem } from './zip-entries.js';

export interface ExtractedFile {
  /** Relative to the target folder, with `/` separators. */
  path: string;
  /** Bytes actually written. */
  size: number;
}

/**
 * Extracts the zip at `zipPath` into `targetDir`, which must be an existing empty folder, one
 * entry at a time (nothing is held whole in memory). Throws an UnzipError, after removing
 * everything it wrote, when an entry is unsafe or a limit is passed.
 */
export async function safeUnzip(
  zipPath: string,
  targetDir: string,
  limits: Partial<UnzipLimits> = {},
): Promise<ExtractedFile[]> {
  const effective: UnzipLimits = { ...DEFAULT_UNZIP_LIMITS, ...limits };
  const root = resolve(targetDir);
  await assertEmptyFolder(root);
  const zip = await openZip(zipPath);
  try {
    return await extractEntries(zip, root, effective);
  } catch (error) {
    await emptyFolder(root);
    throw error;
  } finally {
    zip.close();
  }
}

async function extractEntries(zip: ZipFile, root: string, limits: UnzipLimits): Promise<ExtractedFile[]> {
  // The end record's count is a cheap early refusal; entries are counted again below.
  if (zip.entryCount > limits.maxEntries) throw tooManyEntries(limits);
  const files: ExtractedFile[] = [];
  const tally: ExtractionTally = { totalBytes: 0 };
  let entries = 0;
  for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
    entries += 1;
    if (entries > limits.maxEntries) throw tooManyEntries(limits);
    const name = entryName(entry);
    const { path, isDirectory } = entryPath(name);
    if (isSymlink(entry.externalFileAttributes)) {
      throw new UnzipError(
        'symlink',
        `"${name}" in the zip is a symbolic link; packages may only contain files and folders.`,
        name,
      );
    }
    if (entry.isEncrypted()) {
      throw new UnzipError(
        'encrypted-entry',
        `"${name}" in the zip is encrypted; upload an unencrypted zip.`,
        name,
      );
    }
    const destination = resolve(root, path);
    // entryPath already refuses traversal; this second check keeps the guarantee local to the write.
    if (destination !== root && !destination.startsWith(root + sep)) {
      throw new UnzipError(
        'unsafe-path',
        `The file "${name}" would be written outside the package folder.`,
        name,
      );
    }
    if (isDirectory) {
      await mkdir(destination, { recursive: true });
      continue;
    }
    await mkdir(dirname(destination), { recursive: true }).catch((error: unknown) => {
      throw conflict(error, name);
    });
    const meter = new InflateMeter(name, entry.compressedSize, limits, tally);
    try {
      const source = await openEntryStream(zip, entry);
      // 'wx' never replaces or follows anything already there; the folder started empty and
      // nothing here creates links, so every path below it is a real folder or file.
      await pipeline(source, meter, createWriteStream(destination, { flags: 'wx' }));
    } catch (error) {
      throw isFsConflict(error) ? conflict(error, name) : streamProblem(error, name);
    }
    files.push({ path, size: meter.bytes });
  }
  return files;
}

function tooManyEntries(limits: UnzipLimits): UnzipError {
  return new UnzipError(
    'too-many-entries',
    `The zip holds more than ${limits.maxEntries.toLocaleString('en')} files and folders, the most allowed.`,
  );
}

function isFsConflict(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR';
}

function conflict(error: unknown, name: string): UnzipError {
  if (!isFsConflict(error)) return streamProblem(error, name);
  return new UnzipError(
    'duplicate-entry',
    `"${name}" appears twice in the zip, or as both a file and a folder.`,
    name,
  );
}

async function assertEmptyFolder(root: string): Promise<void> {
  const stat = await lstat(root);
  if (!stat.isDirectory()) throw new UnzipError('target-not-empty', `${root} is not a folder.`);
  if ((await readdir(root)).length > 0) throw new UnzipError('target-not-empty', `${root} is not empty.`);
}

async function emptyFolder(root: string): Promise<void> {
  for (const name of await readdir(root)) await rm(join(root, name), { recursive: true, force: true });
}

import { posix } from 'node:path';
import { UnzipError } from './unzip-problem.js';

/**
 * The relative path an entry may be written to, or an error when its name could land outside the
 * target folder. Checked on the raw name before anything touches the disk: `../`, absolute paths,
 * Windows drive letters and backslashes (which Windows tools treat as separators, so `..\x` is a
 * traversal there even though it is one harmless file name here).
 */
export function entryPath(name: string): { path: string; isDirectory: boolean } {
  const refuse = (why: string) =>
    new UnzipError('unsafe-path', `The file "${name}" in the zip ${why}, so the package was refused.`, name);
  if (name.length === 0) throw refuse('has an empty name');
  if (name.includes('\0')) throw refuse('has a NUL character in its name');
  if (name.includes('\\')) throw refuse('uses backslashes in its path');
  if (name.startsWith('/')) throw refuse('has an absolute path');
  if (/^[a-zA-Z]:/.test(name)) throw refuse('starts with a drive letter');
  const segments = name.split('/');
  if (segments.includes('..')) throw refuse('points outside the package folder');
  const isDirectory = name.endsWith('/');
  const path = posix.normalize(segments.filter((s) => s !== '' && s !== '.').join('/'));
  if (path === '.' || path === '') {
    if (isDirectory) return { path: '', isDirectory };
    throw refuse('has no file name');
  }
  return { path, isDirectory };
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Unix tools store the file mode in the high 16 bits of the external attributes. */
export function isSymlink(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

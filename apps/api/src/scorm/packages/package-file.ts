import { resolve, sep } from 'node:path';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';

/** Packages never change (a new upload is a new package), so browsers may keep every file a year. */
export const PACKAGE_FILE_CACHE = 'private, max-age=31536000, immutable';

/**
 * Package pages run their own scripts (inline ones too) on our origin, next to the runtime API on
 * their parent page, so the API's strict policy is replaced for them: only framing is limited, to
 * our own pages. No sandbox: SCOs must reach `window.parent.API`. The trust model (only a course's
 * authors upload) is in ADR 0016.
 */
export const PACKAGE_FILE_CSP = "frame-ancestors 'self'";

const badPath = (detail: string) =>
  new ProblemException({ status: 400, type: ProblemType.BadRequest, detail });

/**
 * The file a request names inside the package folder, from the raw (still encoded) path after
 * `/files/`: each segment decoded once, and `.`/`..`, backslashes, NUL and encoded slashes refused,
 * so that the decoded path cannot leave the folder (checked again on the resolved path).
 */
export function packageFilePath(folder: string, encoded: string): string {
  const segments = encoded.split('/').map((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw badPath('The file path is not validly percent-encoded.');
    }
    if (decoded === '.' || decoded === '..' || /[\\/\0]/.test(decoded)) {
      throw badPath('The file path may not contain ".", "..", backslashes or encoded slashes.');
    }
    return decoded;
  });
  const root = resolve(folder);
  const path = resolve(root, segments.join('/'));
  // The package folder itself (an empty path) is a folder like any other: not found, not an escape.
  if (path !== root && !path.startsWith(root + sep)) throw badPath('The file path leaves the package.');
  return path;
}

export interface FileFacts {
  size: number;
  mtime: Date;
}

/** Strong: a package file's bytes never change once extracted. */
export const etagOf = (file: FileFacts) =>
  `"${file.size.toString(16)}-${Math.floor(file.mtime.getTime()).toString(16)}"`;

const matchesTag = (header: string, etag: string) =>
  header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');

/** RFC 9110 §13.2.2: If-None-Match decides when sent; If-Modified-Since only without it. */
export function notModified(
  headers: { ifNoneMatch?: string; ifModifiedSince?: string },
  file: FileFacts,
): boolean {
  if (headers.ifNoneMatch) return matchesTag(headers.ifNoneMatch, etagOf(file));
  if (!headers.ifModifiedSince) return false;
  const since = Date.parse(headers.ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(file.mtime.getTime() / 1000) * 1000 <= since;
}

export type RangeAnswer =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One byte range (what media elements and PDF viewers ask for). Several ranges, a malformed
 * header or a stale If-Range get the whole file, which RFC 9110 allows; a range starting past the
 * end is unsatisfiable (416).
 */
export function rangeOf(headers: { range?: string; ifRange?: string }, file: FileFacts): RangeAnswer {
  if (!headers.range) return { kind: 'whole' };
  if (headers.ifRange) {
    const etag = etagOf(file);
    const lastModified = new Date(Math.floor(file.mtime.getTime() / 1000) * 1000).toUTCString();
    if (headers.ifRange !== etag && headers.ifRange !== lastModified) return { kind: 'whole' };
  }
  const match = /^bytes=(\d*)-(\d*)$/.exec(headers.range.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  const size = file.size;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

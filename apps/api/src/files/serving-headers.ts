import type { StoredFile } from './stored-file.entity.js';

/** Ids are never reused and a file never changes, so caches may keep it for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Even opened on its own, a served file may do nothing: no scripts, no plugins, no forms, no
 * requests. (Images shown in a page are not affected; PDFs are downloaded, below.)
 */
export const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

export const etagOf = (file: StoredFile) => `"${file.sha256}"`;

/** True when the client's If-None-Match already names this file's content. */
export function isFresh(ifNoneMatch: string | undefined, file: StoredFile): boolean {
  if (!ifNoneMatch) return false;
  const etag = etagOf(file);
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** The stored name, with the extension its real type has (a PDF named "notes.png" downloads as notes.png.pdf). */
function downloadName(file: StoredFile): string {
  const extension = file.mediaType === 'application/pdf' ? '.pdf' : `.${file.mediaType.split('/')[1]}`;
  const alias = file.mediaType === 'image/jpeg' ? ['.jpg', '.jpeg'] : [extension];
  const lower = file.originalName.toLowerCase();
  return alias.some((ext) => lower.endsWith(ext)) ? file.originalName : `${file.originalName}${extension}`;
}

/**
 * Images are shown in place. PDFs are downloaded (attachment): a PDF may carry scripts and forms,
 * browsers' viewers differ in what they run, and a download keeps all of that off our origin. The
 * name comes twice: plain ASCII for old clients, and UTF-8 (RFC 6266/8187) for the rest.
 */
export function contentDisposition(file: StoredFile): string {
  const name = downloadName(file);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const kind = file.mediaType === 'application/pdf' ? 'attachment' : 'inline';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

import { fileTypeFromBuffer } from 'file-type';

/** Enough leading bytes for file-type to recognise every format we accept. */
export const SNIFF_BYTES = 4100;

export type UploadKind = 'image' | 'pdf';

/** A format we accept, as stored and served. */
export interface AcceptedType {
  mediaType: string;
  kind: UploadKind;
  /** How people call it, in error messages. */
  name: string;
}

/**
 * What an upload may be, by the media type its content reveals. Raster images that browsers show
 * safely, and PDF. No SVG (it can carry scripts and links), no HTML or other text (a browser could
 * be talked into running it on our origin): file-type recognises neither, so both are refused.
 */
const ACCEPTED: Record<string, AcceptedType> = {
  'image/png': { mediaType: 'image/png', kind: 'image', name: 'PNG image' },
  // An animated PNG is a PNG that older viewers show as its first frame.
  'image/apng': { mediaType: 'image/png', kind: 'image', name: 'PNG image' },
  'image/jpeg': { mediaType: 'image/jpeg', kind: 'image', name: 'JPEG image' },
  'image/gif': { mediaType: 'image/gif', kind: 'image', name: 'GIF image' },
  'image/webp': { mediaType: 'image/webp', kind: 'image', name: 'WebP image' },
  'application/pdf': { mediaType: 'application/pdf', kind: 'pdf', name: 'PDF document' },
};

export const ACCEPTED_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];
export const IMAGE_MEDIA_TYPES = ACCEPTED_MEDIA_TYPES.filter((type) => type.startsWith('image/'));

export interface Sniffed {
  /** Set when the content is one of the accepted formats. */
  accepted?: AcceptedType;
  /** What file-type recognised, accepted or not; undefined for text (HTML, SVG…) and unknown bytes. */
  detected?: string;
}

/** Judges a file by its first bytes only: the name and the browser's Content-Type are not trusted. */
export async function sniff(head: Uint8Array): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(head);
  return { accepted: found ? ACCEPTED[found.mime] : undefined, detected: found?.mime };
}

export interface UploadLimits {
  imageBytes: number;
  pdfBytes: number;
}

export const limitFor = (kind: UploadKind, limits: UploadLimits) =>
  kind === 'image' ? limits.imageBytes : limits.pdfBytes;

/** "5 MB", "20 MB", "1.5 MB", "800 KB": for people reading an error. */
export function readableSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/**
 * The name the author's file had, safe to store and to put in a Content-Disposition header: the
 * last path segment, without control or invisible characters, at most 255 characters.
 */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
  const cleaned = base.replace(unsafe, '').trim();
  const chars = Array.from(cleaned);
  const short = chars.length > 255 ? chars.slice(0, 255).join('') : cleaned;
  return short === '' || short === '.' || short === '..' ? 'file' : short;
}

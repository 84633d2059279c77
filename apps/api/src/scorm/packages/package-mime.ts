import { extname } from 'node:path';

const TEXT = '; charset=utf-8';

/**
 * Content types by extension, for what SCORM packages hold. Served with nosniff, so a browser
 * runs a script or applies a stylesheet only when its type says so; unknown files download.
 */
const TYPES: Record<string, string> = {
  '.html': `text/html${TEXT}`,
  '.htm': `text/html${TEXT}`,
  '.xhtml': `application/xhtml+xml${TEXT}`,
  '.js': `text/javascript${TEXT}`,
  '.mjs': `text/javascript${TEXT}`,
  '.css': `text/css${TEXT}`,
  '.json': `application/json${TEXT}`,
  '.map': `application/json${TEXT}`,
  '.xml': `application/xml${TEXT}`,
  '.xsd': `application/xml${TEXT}`,
  '.dtd': `application/xml-dtd${TEXT}`,
  '.txt': `text/plain${TEXT}`,
  '.csv': `text/csv${TEXT}`,
  '.vtt': `text/vtt${TEXT}`,
  '.srt': `text/plain${TEXT}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.wav': 'audio/wav',
  '.oga': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mov': 'video/quicktime',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.swf': 'application/x-shockwave-flash',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
};

export const DEFAULT_TYPE = 'application/octet-stream';

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? DEFAULT_TYPE;
}

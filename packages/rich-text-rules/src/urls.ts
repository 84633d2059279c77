/**
 * The addresses a document may contain. Each check works on the raw string the author sent and refuses
 * anything a browser could read differently from us: whitespace, control and invisible formatting
 * characters, backslashes and protocol-relative `//host` addresses are all refused outright.
 */

// C0/C1 controls, spaces of every kind, zero-width and bidirectional formatting characters, BOM, and
// the characters that would have to be percent-encoded in a real address anyway (quotes, angle
// brackets, backslash, backtick): refusing them keeps attribute-injection attempts out of storage too.
const SUSPICIOUS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\\"<>`]/u;

function parseAbsolute(value: string): URL | undefined {
  // The scheme must be spelled plainly at the start: no entities, no leading junk.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** `https://host…` spelled out: URL parsing would also accept `https:///host` or `https:host`. */
function hasPlainHost(value: string, url: URL): boolean {
  return /^[a-z]+:\/\/[^/]/i.test(value) && url.hostname.length > 0;
}

/** An app-relative path such as `/courses/x`; never `//host` (protocol-relative). */
function isRelativePath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//');
}

/** Link targets: http, https and mailto addresses, and paths inside the app. */
export function isAllowedLinkHref(value: string): boolean {
  if (value.length === 0 || SUSPICIOUS.test(value)) return false;
  if (isRelativePath(value)) return true;
  const url = parseAbsolute(value);
  if (!url) return false;
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return (url.protocol === 'https:' || url.protocol === 'http:') && hasPlainHost(value, url);
}

/** Image sources: https addresses, or files uploaded to Archipelago (`/api/files/…`). */
export function isAllowedImageSrc(value: string): boolean {
  if (value.length === 0 || SUSPICIOUS.test(value)) return false;
  if (value.startsWith('/api/files/')) {
    return (
      value.length > '/api/files/'.length &&
      !value.split(/[/?#]/).some((segment) => segment === '..' || segment === '.')
    );
  }
  const url = parseAbsolute(value);
  return url !== undefined && url.protocol === 'https:' && hasPlainHost(value, url);
}

/** https addresses only (captions files). */
export function isHttpsUrl(value: string): boolean {
  if (value.length === 0 || SUSPICIOUS.test(value)) return false;
  const url = parseAbsolute(value);
  return url !== undefined && url.protocol === 'https:' && hasPlainHost(value, url);
}

export interface VideoReference {
  provider: 'youtube' | 'vimeo';
  id: string;
  /** The page where the video plays, on the provider's own site. */
  watchUrl: string;
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^[0-9]{1,12}$/;

/**
 * Reads a YouTube or Vimeo address (watch page, embed, short youtu.be link) and returns the single
 * video it names, or undefined for anything else: other hosts, channels, playlists, searches.
 */
export function parseVideoUrl(value: string): VideoReference | undefined {
  if (SUSPICIOUS.test(value)) return undefined;
  const url = parseAbsolute(value);
  if (
    !url ||
    url.protocol !== 'https:' ||
    !hasPlainHost(value, url) ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== ''
  )
    return undefined;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  if (YOUTUBE_HOSTS.has(host) || host === 'youtu.be') {
    let id: string | undefined;
    if (host === 'youtu.be') id = segments.length === 1 ? segments[0] : undefined;
    else if (segments.length === 1 && segments[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
    else if (segments.length === 2 && ['embed', 'shorts', 'live'].includes(segments[0] ?? ''))
      id = segments[1];
    if (id === undefined || !YOUTUBE_ID.test(id)) return undefined;
    return { provider: 'youtube', id, watchUrl: `https://www.youtube.com/watch?v=${id}` };
  }
  if (VIMEO_HOSTS.has(host)) {
    const id =
      host === 'player.vimeo.com'
        ? segments[0] === 'video' && segments.length === 2
          ? segments[1]
          : undefined
        : segments.length === 1
          ? segments[0]
          : undefined;
    if (id === undefined || !VIMEO_ID.test(id)) return undefined;
    return { provider: 'vimeo', id, watchUrl: `https://vimeo.com/${id}` };
  }
  return undefined;
}

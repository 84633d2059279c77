// A URL base that cannot be a real host: relative references are resolved against it and the
// result is cut back to a path inside the package.
const PACKAGE_ROOT = 'https://package.invalid/';

/**
 * Joins `xml:base` values (manifest, resources, resource) and an href as RFC 3986 resolution does,
 * which is what xml:base means: `course/` then `sco1/` then `index.html` → `course/sco1/index.html`.
 * Answers null for an absolute URL outside the package, which cannot be served from it.
 */
export function resolveInPackage(bases: (string | null)[], href: string): string | null {
  let url = new URL(PACKAGE_ROOT);
  for (const base of [...bases, href]) {
    if (base) url = new URL(base, url);
  }
  if (url.origin !== new URL(PACKAGE_ROOT).origin) return null;
  return url.pathname.slice(1) + url.search + url.hash;
}

/** The file a package-relative URL points to, decoded (`my%20page.html` is `my page.html` on disk). */
export function filePathOf(relativeUrl: string): string {
  const path = relativeUrl.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Appends an item's `parameters` to a launch href the way the SCORM content packaging book says:
 * a leading `?` or `&` is dropped, the rest is joined with `?` or `&` depending on whether the href
 * already has a query, a fragment of the href stays at the end, and a parameters string that is
 * only a fragment is used when the href has none.
 */
export function withParameters(href: string, parameters: string | null): string {
  const extra = parameters?.trim() ?? '';
  if (extra === '') return href;
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const hrefFragment = hashAt === -1 ? '' : href.slice(hashAt);
  if (extra.startsWith('#')) return hrefFragment ? href : beforeHash + extra;
  const query = extra.replace(/^[?&]+/, '');
  const queryHashAt = query.indexOf('#');
  const queryPart = queryHashAt === -1 ? query : query.slice(0, queryHashAt);
  const queryFragment = queryHashAt === -1 ? '' : query.slice(queryHashAt);
  const separator = !beforeHash.includes('?') ? '?' : /[?&]$/.test(beforeHash) ? '' : '&';
  return beforeHash + (queryPart ? separator + queryPart : '') + (hrefFragment || queryFragment);
}

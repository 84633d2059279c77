/**
 * The page to return to after signing in, from `?next=`. Only a path inside this app is accepted:
 * anything else (another site, "//host", a backslash trick, the API or the Studio) falls back to
 * the home page, so a crafted link cannot send a learner elsewhere after they sign in.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return fallback;
  if (/[\\\s]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://app.invalid');
    if (url.origin !== 'http://app.invalid') return fallback;
    if (/^\/(api|studio)(\/|$)/.test(url.pathname)) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The sign-in address that comes back to `path` afterwards. */
export function signInPath(path: string): string {
  return path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}

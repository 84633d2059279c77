/**
 * Anonymity rules of the DGCA (issue 9). Facilitators see how a group rated, never how a person
 * rated: anything computed from individual ratings (distributions, means, spreads, comments) is
 * withheld while fewer than MINIMUM_RATERS people stand behind it, and comments are listed by
 * their text, never by time or author.
 */

/** The fewest raters behind a figure before it is shown to anyone but the raters themselves. */
export const MINIMUM_RATERS = 3;

/** The fewest countries pooled before a regional profile shows any score. */
export const MINIMUM_COUNTRIES = 3;

/** True when a figure drawn from `raters` people could point at one of them. */
export const withheldFor = (raters: number): boolean => raters < MINIMUM_RATERS;

export interface AnonymousComment {
  text: string;
  evidenceUrl: string | null;
}

/** Comments in an order that says nothing about who wrote them or when: by text, then link. */
export function sortComments(comments: AnonymousComment[]): AnonymousComment[] {
  const key = (comment: AnonymousComment) => [comment.text, comment.evidenceUrl ?? ''] as const;
  return [...comments].sort((a, b) => {
    const [textA, urlA] = key(a);
    const [textB, urlB] = key(b);
    // Code-point order, not locale order: the same everywhere, whatever the server's locale.
    if (textA !== textB) return textA < textB ? -1 : 1;
    return urlA < urlB ? -1 : urlA > urlB ? 1 : 0;
  });
}

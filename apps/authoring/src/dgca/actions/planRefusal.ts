import { useTranslation } from 'react-i18next';
import type { Problem } from '../../data/problem';
import type { ActionView } from './actionTypes';

/** Refusals the API names by `code`, said in the reader's language (the API words them in English). */
const SAID_HERE: Record<string, string> = {
  'round-not-reached': 'dgcaActions:refusal.roundNotReached',
  'action-not-found': 'dgcaActions:refusal.actionGone',
  'stale-version': 'dgcaActions:refusal.stale',
};

/** A refused action form or deletion as the page shows it; field errors stay as the API named them. */
export function usePlanRefusal() {
  const { t } = useTranslation();
  return (problem: Problem | null, code: string | undefined): Problem | null => {
    if (!problem) return null;
    const key = code ? SAID_HERE[code] : undefined;
    return key ? { ...problem, detail: t(key) } : problem;
  };
}

/** The version someone else saved, which a `stale-version` refusal carries as `current`. */
export function theirVersion(error: unknown): ActionView | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const current = (error as { current?: unknown }).current;
  return typeof current === 'object' && current !== null ? (current as ActionView) : undefined;
}

import type { ProgressCounts, ProgressFilter } from './cohort-progress.dto.js';
import type { Standing } from './learner-standing.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The members a filter keeps, in its order (name, then e-mail, breaks every tie). */
export function filterAndSort(standings: readonly Standing[], filter: ProgressFilter): Standing[] {
  const q = filter.q?.toLowerCase();
  const kept = standings.filter(
    (s) =>
      (!filter.status || (filter.status === 'behind' ? s.behind !== null : s.status === filter.status)) &&
      (!q || s.member.displayName.toLowerCase().includes(q) || s.member.email.toLowerCase().includes(q)),
  );
  const byName = (a: Standing, b: Standing) =>
    collator.compare(a.member.displayName, b.member.displayName) ||
    collator.compare(a.member.email, b.member.email);
  const direction = filter.order === 'desc' ? -1 : 1;
  const key: (a: Standing, b: Standing) => number =
    filter.sort === 'progress'
      ? (a, b) => a.progressPercent - b.progressPercent
      : filter.sort === 'lastActivity'
        ? (a, b) =>
            (a.lastActivityAt?.getTime() ?? -Infinity) - (b.lastActivityAt?.getTime() ?? -Infinity) || 0
        : byName;
  return kept.sort((a, b) => direction * key(a, b) || byName(a, b));
}

export function countsOf(standings: readonly Standing[]): ProgressCounts {
  return {
    members: standings.length,
    notStarted: standings.filter((s) => s.status === 'not_started').length,
    inProgress: standings.filter((s) => s.status === 'in_progress').length,
    behind: standings.filter((s) => s.behind !== null).length,
    completed: standings.filter((s) => s.status === 'completed').length,
  };
}

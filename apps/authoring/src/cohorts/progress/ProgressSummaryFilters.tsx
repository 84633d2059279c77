import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProgressSummary, StatusFilter } from './progressTypes';
import { useProgressWords } from './useProgressWords';

export interface ProgressSummaryFiltersProps {
  summary: ProgressSummary;
  /** The status the table shows now; '' for every member. */
  current: StatusFilter | '';
}

const ENTRIES: { status: StatusFilter | ''; count: keyof ProgressSummary }[] = [
  { status: '', count: 'members' },
  { status: 'not_started', count: 'notStarted' },
  { status: 'in_progress', count: 'inProgress' },
  { status: 'behind', count: 'behind' },
  { status: 'completed', count: 'completed' },
];

/**
 * The cohort at a glance: how many members, and how many have not started, are under way, behind
 * or done. Each count is also the link that shows those learners, keeping the search and the sort.
 */
export function ProgressSummaryFilters({ summary, current }: ProgressSummaryFiltersProps) {
  const { t } = useTranslation();
  const words = useProgressWords();
  const [params] = useSearchParams();

  const linkTo = (status: StatusFilter | '') => {
    const next = new URLSearchParams(params);
    next.delete('page');
    if (status) next.set('status', status);
    else next.delete('status');
    return { search: next.toString() };
  };

  return (
    <section className="cohort-progress-summary" aria-labelledby="cohort-progress-summary-heading">
      <h2 id="cohort-progress-summary-heading">{t('cohortProgress:summary.heading')}</h2>
      <p className="studio-muted" id="cohort-progress-summary-hint">
        {t('cohortProgress:summary.hint')}
      </p>
      <ul aria-describedby="cohort-progress-summary-hint">
        {ENTRIES.map((entry) => (
          <li key={entry.count}>
            <Link to={linkTo(entry.status)} aria-current={entry.status === current ? 'true' : undefined}>
              <span className="cohort-progress-summary__count">{words.number(summary[entry.count])}</span>{' '}
              <span>{t(`cohortProgress:summary.${entry.count}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Button, type TableColumn } from '@archipelago/ui';
import { PagedTable } from '../../components/PagedTable';
import type { Loaded } from '../../data/useApiData';
import { CourseProgressList } from './CourseProgressList';
import type { LearnerProgress, ProgressPage } from './progressTypes';
import type { Selection } from './useSelection';
import { useProgressWords } from './useProgressWords';

export interface LearnersTableProps {
  state: Loaded<ProgressPage>;
  reload: () => void;
  /** Whether a filter or search narrowed the list (for what an empty list says). */
  filtered: boolean;
  /** Learners chosen for a reminder; absent when the cohort is closed and nobody can be reminded. */
  selection?: Selection;
}

/** The page of learners: who, how far, when last seen, and each course in detail. */
export function LearnersTable({ state, reload, filtered, selection }: LearnersTableProps) {
  const { t } = useTranslation();
  const words = useProgressWords();
  const rows = state.status === 'ready' ? state.data.items : [];

  const columns: TableColumn<LearnerProgress>[] = [
    {
      key: 'learner',
      header: t('cohortProgress:table.learner'),
      render: (row) => (
        <>
          {row.displayName}
          <br />
          <span className="studio-muted">{row.email}</span>
        </>
      ),
    },
  ];
  if (selection) {
    columns.push({
      key: 'select',
      header: t('cohortProgress:table.select'),
      render: (row) => (
        <input
          type="checkbox"
          className="cohort-progress-select"
          checked={selection.has(row.userId)}
          aria-label={t('cohortProgress:table.selectLearner', { name: row.displayName })}
          onChange={(event) => selection.toggle(row, event.target.checked)}
        />
      ),
    });
  }
  columns.push(
    {
      key: 'progress',
      header: t('cohortProgress:table.progress'),
      render: (row) => (
        <span className="cohort-progress-bar">
          {/* The bar is decoration: the percentage beside it says the same in text. */}
          <span className="cohort-progress-bar__track" aria-hidden="true">
            <span className="cohort-progress-bar__fill" style={{ width: `${row.progressPercent}%` }} />
          </span>
          {words.percent(row.progressPercent)}
        </span>
      ),
    },
    {
      key: 'status',
      header: t('cohortProgress:table.status'),
      render: (row) => (
        <>
          <span>{words.status(row)}</span>
          {row.behind ? (
            <>
              <br />
              <span className="cohort-progress-behind">
                {row.behindReason
                  ? t('cohortProgress:table.behindBecause', { reason: row.behindReason })
                  : t('cohortProgress:table.behind')}
              </span>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'lastActivity',
      header: t('cohortProgress:table.lastActivity'),
      render: (row) => words.lastActivity(row),
    },
    {
      key: 'courses',
      header: t('cohortProgress:table.courses'),
      render: (row) => <CourseProgressList learner={row} />,
    },
  );

  return (
    <section className="studio-section" aria-labelledby="cohort-progress-learners-heading">
      <h2 id="cohort-progress-learners-heading" tabIndex={-1}>
        {t('cohortProgress:table.heading')}
      </h2>
      {selection && rows.length > 0 ? (
        <div className="studio-inline-form cohort-progress-selection">
          <p role="status">{t('cohortProgress:selection.count', { count: selection.size })}</p>
          <Button variant="secondary" onClick={() => selection.selectAll(rows)}>
            {t('cohortProgress:selection.selectPage')}
          </Button>
          {selection.size > 0 ? (
            <Button variant="secondary" onClick={selection.clear}>
              {t('cohortProgress:selection.clear')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <PagedTable<LearnerProgress>
        state={state}
        reload={reload}
        loadingLines={8}
        loadingLabel={t('cohortProgress:table.loading')}
        loadFailedTitle={t('cohortProgress:table.loadFailed')}
        headingLevel={3}
        empty={t(filtered ? 'cohortProgress:table.noneFound' : 'cohortProgress:table.empty')}
        caption={t('cohortProgress:table.caption')}
        rowKey={(row) => row.userId}
        paginationLabel={t('cohortProgress:table.pagination')}
        columns={columns}
      />
    </section>
  );
}

import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { pageFromParams } from '../../components/Pagination';
import { PagedTable } from '../../components/PagedTable';
import { listImports } from '../cohorts-api';
import type { ImportView } from '../cohortTypes';

const PAGE_SIZE = 10;
const PAGE_PARAM = 'historyPage';

export interface ImportHistoryProps {
  cohortId: string;
  /** Changes when an import was made, confirmed or discarded: the list is read again. */
  refresh: number;
  /** The import shown above, marked in the list. */
  currentId: string | null;
}

/** Every file uploaded for this cohort, newest first, each a link back to its preview or result. */
export function ImportHistory({ cohortId, refresh, currentId }: ImportHistoryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const page = pageFromParams(params, PAGE_PARAM);
  const { state, reload } = useApiData(`${cohortId}:${page}`, (signal) =>
    listImports(cohortId, { page, pageSize: PAGE_SIZE }, signal),
  );
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  const linkTo = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('import', id);
    next.delete('problemsPage');
    return { search: next.toString() };
  };

  return (
    <section className="studio-section" aria-labelledby="import-history-heading">
      <h2 id="import-history-heading">{t('cohorts:import.history.title')}</h2>
      <PagedTable<ImportView>
        state={state}
        reload={reload}
        loadingLines={4}
        loadingLabel={t('cohorts:import.history.loading')}
        loadFailedTitle={t('cohorts:import.history.loadFailed')}
        headingLevel={3}
        empty={t('cohorts:import.history.none')}
        caption={t('cohorts:import.history.caption')}
        rowKey={(view) => view.id}
        paginationLabel={t('cohorts:import.history.pagination')}
        pageParam={PAGE_PARAM}
        columns={[
          {
            key: 'file',
            header: t('cohorts:import.history.file'),
            render: (view) => (
              <Link to={linkTo(view.id)} aria-current={view.id === currentId ? 'true' : undefined}>
                {view.fileName}
              </Link>
            ),
          },
          {
            key: 'uploaded',
            header: t('cohorts:import.history.uploaded'),
            render: (view) =>
              t('cohorts:import.history.uploadedBy', {
                date: format.date(view.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                name: view.createdBy?.displayName ?? t('cohorts:import.history.someone'),
              }),
          },
          {
            key: 'status',
            header: t('cohorts:import.history.status'),
            render: (view) => t(`cohorts:import.status.${view.status}`),
          },
          {
            key: 'rows',
            header: t('cohorts:import.history.rows'),
            render: (view) => format.number(view.totalRows),
          },
        ]}
      />
    </section>
  );
}

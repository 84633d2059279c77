import type { ReactNode } from 'react';
import { Skeleton, Table, type TableColumn } from '@archipelago/ui';
import type { Loaded } from '../data/useApiData';
import { Pagination } from './Pagination';
import { ProblemAlert } from './ProblemAlert';

/** One page of a list as the API answers it. */
export interface PageOf<Row> {
  items: Row[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PagedTableProps<Row> {
  /** The page of the list, as useApiData loads it. */
  state: Loaded<PageOf<Row>>;
  reload: () => void;
  /** Skeleton lines and what screen readers hear while the list loads. */
  loadingLines: number;
  loadingLabel: string;
  /** Heading of the alert when the list could not be loaded. */
  loadFailedTitle: string;
  /** False where the page explains a failure itself (the audit log shows refused filters at the filter). */
  showFailure?: boolean;
  /** 3 when the list sits in a section under an h2. */
  headingLevel?: 2 | 3;
  /** Said instead of an empty table; without it an empty table is shown. */
  empty?: ReactNode;
  caption: string;
  rowKey: (row: Row) => string;
  columns: TableColumn<Row>[];
  /** The pagination landmark's name, e.g. "Outbox pages". */
  paginationLabel: string;
  /** The query parameter with the page number, when a page has two paged lists. */
  pageParam?: string;
}

/**
 * The Studio's paged lists (users, outbox, audit log, institutions, members, invitations) all show
 * a skeleton while loading, an alert with "Try again" on failure, and then either a sentence for no
 * rows or the table with previous/next links. Only their columns and words differ.
 */
export function PagedTable<Row>(props: PagedTableProps<Row>) {
  const { state, reload, showFailure = true, headingLevel, empty } = props;
  if (state.status === 'loading') return <Skeleton lines={props.loadingLines} label={props.loadingLabel} />;
  if (state.status === 'failed') {
    return showFailure ? (
      <ProblemAlert
        title={props.loadFailedTitle}
        problem={state.problem}
        onRetry={reload}
        headingLevel={headingLevel}
      />
    ) : null;
  }
  if (state.data.items.length === 0 && empty !== undefined) return <p>{empty}</p>;
  return (
    <>
      <Table<Row>
        caption={props.caption}
        rows={state.data.items}
        rowKey={props.rowKey}
        columns={props.columns}
      />
      <Pagination
        label={props.paginationLabel}
        param={props.pageParam}
        page={state.data.page}
        pageSize={state.data.pageSize}
        total={state.data.total}
      />
    </>
  );
}

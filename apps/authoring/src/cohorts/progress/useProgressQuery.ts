import { useSearchParams } from 'react-router';
import { pageFromParams } from '../../components/Pagination';
import {
  SORT_CHOICES,
  STATUS_FILTERS,
  type SortChoice,
  type SortKey,
  type SortOrder,
  type StatusFilter,
} from './progressTypes';

export const PAGE_SIZE = 25;

export interface ProgressQuery {
  status: StatusFilter | '';
  q: string;
  sort: SortChoice;
  page: number;
}

/** The API's sort and order for one of the choices ("-progress" → progress, desc). */
export function sortParams(choice: SortChoice): { sort: SortKey; order: SortOrder } {
  return choice.startsWith('-')
    ? { sort: choice.slice(1) as SortKey, order: 'desc' }
    : { sort: choice as SortKey, order: 'asc' };
}

/** The filters the list and the CSV share, as query parameters for the API. */
export function apiQuery(query: ProgressQuery) {
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...sortParams(query.sort),
  };
}

/**
 * Filter, search, sort and page live in the address, so a view can be bookmarked and shared and
 * Back undoes a change. Anything unknown there (an old bookmark, a typo) counts as no filter.
 */
export function useProgressQuery(): ProgressQuery {
  const [params] = useSearchParams();
  return {
    status: STATUS_FILTERS.find((value) => value === params.get('status')) ?? '',
    q: params.get('q')?.trim() ?? '',
    sort: SORT_CHOICES.find((value) => value === params.get('sort')) ?? 'name',
    page: pageFromParams(params),
  };
}

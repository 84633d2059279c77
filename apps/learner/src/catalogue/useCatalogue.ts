import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { CatalogueFilters } from './catalogue-filters';

/** How many courses one page of the catalogue shows. */
export const PAGE_SIZE = 10;

async function fetchCatalogue(filters: CatalogueFilters, page: number, signal: AbortSignal) {
  const { query, topics, languages, length } = filters;
  const { data, error } = await api.GET('/api/courses', {
    params: {
      query: {
        query: query || undefined,
        topic: topics.length > 0 ? topics : undefined,
        language: languages.length > 0 ? languages : undefined,
        length: length ?? undefined,
        page,
        pageSize: PAGE_SIZE,
      },
    },
    signal,
  });
  if (error !== undefined || data === undefined) throw new Error('GET /api/courses failed');
  return data;
}

export type CataloguePage = Awaited<ReturnType<typeof fetchCatalogue>>;
export type CatalogueCourse = CataloguePage['items'][number];

export type CatalogueState =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; page: CataloguePage };

/**
 * One page of published courses matching the search and filters; `retry` asks again after a
 * failure. Pass the same `filters` object while the address is unchanged (memoize it), or every
 * render fetches again.
 */
export function useCatalogue(
  filters: CatalogueFilters,
  page: number,
): { state: CatalogueState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // The answer remembers which request it belongs to; any other request is still loading.
  const key = `${attempt}|${page}|${JSON.stringify(filters)}`;
  const [answer, setAnswer] = useState<{ key: string; state: CatalogueState } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchCatalogue(filters, page, controller.signal).then(
      (result) => setAnswer({ key, state: { status: 'ready', page: result } }),
      () => {
        if (!controller.signal.aborted) setAnswer({ key, state: { status: 'error' } });
      },
    );
    return () => controller.abort();
  }, [key, filters, page]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state: answer?.key === key ? answer.state : { status: 'loading' }, retry };
}

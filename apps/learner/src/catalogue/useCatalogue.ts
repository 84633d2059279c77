import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

/** How many courses one page of the catalogue shows. */
export const PAGE_SIZE = 10;

async function fetchCatalogue(query: string, page: number, signal: AbortSignal) {
  const { data, error } = await api.GET('/api/courses', {
    params: { query: { query: query || undefined, page, pageSize: PAGE_SIZE } },
    signal,
  });
  if (error !== undefined || data === undefined) throw new Error('GET /api/courses failed');
  return data;
}

export type CataloguePage = Awaited<ReturnType<typeof fetchCatalogue>>;
export type CatalogueCourse = CataloguePage['items'][number];

export type CatalogueState =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; page: CataloguePage };

/** One page of published courses matching `query`; `retry` asks again after a failure. */
export function useCatalogue(query: string, page: number): { state: CatalogueState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // The answer remembers which request it belongs to; any other request is still loading.
  const key = `${attempt}|${page}|${query}`;
  const [answer, setAnswer] = useState<{ key: string; state: CatalogueState } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchCatalogue(query, page, controller.signal).then(
      (result) => setAnswer({ key, state: { status: 'ready', page: result } }),
      () => {
        if (!controller.signal.aborted) setAnswer({ key, state: { status: 'error' } });
      },
    );
    return () => controller.abort();
  }, [key, query, page]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state: answer?.key === key ? answer.state : { status: 'loading' }, retry };
}

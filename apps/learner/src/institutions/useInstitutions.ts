import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

async function fetchInstitutions(signal: AbortSignal) {
  const { data, error } = await api.GET('/api/institutions', {
    params: { query: { page: 1, pageSize: 50 } },
    signal,
  });
  if (error !== undefined || data === undefined) throw new Error('GET /api/institutions failed');
  return data.items;
}

export type Institution = Awaited<ReturnType<typeof fetchInstitutions>>[number];

export type InstitutionsState =
  { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: Institution[] };

/** Loads the first page of institutions; `retry` starts over after a failure. */
export function useInstitutions(): { state: InstitutionsState; retry: () => void } {
  const [state, setState] = useState<InstitutionsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchInstitutions(controller.signal).then(
      (items) => setState({ status: 'ready', items }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'error' });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  return { state, retry };
}

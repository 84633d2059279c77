import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { toProblem, type Problem } from './problem';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; problem: Problem };

type Fetched<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

interface Result<T> {
  key: string;
  attempt: number;
  value: Loaded<T>;
}

/**
 * Reads from the API whenever `key` changes (e.g. the filters in the URL) and on reload(). After a
 * reload the previous data stays on screen until the new answer arrives, so a table does not
 * flicker to a skeleton after each change someone makes in it.
 */
export function useApiData<T>(
  key: string,
  fetcher: (signal: AbortSignal) => Fetched<T>,
): { state: Loaded<T>; reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Result<T> | null>(null);
  const fetchNow = useEffectEvent(fetcher);

  useEffect(() => {
    const controller = new AbortController();
    const settle = (value: Loaded<T>) => {
      if (!controller.signal.aborted) setResult({ key, attempt, value });
    };
    fetchNow(controller.signal).then(
      ({ data, error, response }) =>
        settle(
          data !== undefined
            ? { status: 'ready', data }
            : { status: 'failed', problem: toProblem(error, response) },
        ),
      (error: unknown) => {
        if (!controller.signal.aborted) settle({ status: 'failed', problem: toProblem(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);

  let state: Loaded<T> = { status: 'loading' };
  if (result?.key === key && (result.attempt === attempt || result.value.status === 'ready')) {
    state = result.value;
  }
  return { state, reload };
}

import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  { status: 'loading' } | { status: 'error' } | { status: 'missing' } | { status: 'ready'; data: T };

/** A fetch that answers the data, null for "not there" (404), or throws when it failed. */
export type Fetcher<T> = (signal: AbortSignal) => Promise<T | null>;

/**
 * Loads what `key` names with `fetcher`; `retry` asks again, `replace` swaps in newer data (after
 * a write). An answer remembers which key it belongs to, so a new key shows "loading" at once.
 */
export function useResource<T>(
  key: string,
  fetcher: Fetcher<T>,
): { state: Resource<T>; retry: () => void; replace: (data: T) => void } {
  const [attempt, setAttempt] = useState(0);
  const current = `${attempt}|${key}`;
  const [answer, setAnswer] = useState<{ key: string; state: Resource<T> } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetcher(controller.signal).then(
      (data) =>
        setAnswer({ key: current, state: data === null ? { status: 'missing' } : { status: 'ready', data } }),
      () => {
        if (!controller.signal.aborted) setAnswer({ key: current, state: { status: 'error' } });
      },
    );
    return () => controller.abort();
    // `fetcher` is a fresh function on every render; the key says what to load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const replace = useCallback(
    (data: T) => setAnswer({ key: current, state: { status: 'ready', data } }),
    [current],
  );
  return { state: answer?.key === current ? answer.state : { status: 'loading' }, retry, replace };
}

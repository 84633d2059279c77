import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; data: T };

/** Loads data for a page; `reload` fetches it again (after a failure or a change). */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T | undefined>): {
  state: Loaded<T>;
  reload: () => void;
} {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setState(data === undefined ? { status: 'failed' } : { status: 'ready', data }),
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      },
    );
    return () => controller.abort();
    // `load` is a fresh function on every render; `round` is what asks for another load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);
  const reload = useCallback(() => setRound((count) => count + 1), []);
  return { state, reload };
}

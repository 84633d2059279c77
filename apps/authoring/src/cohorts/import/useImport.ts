import { useCallback, useEffect, useState } from 'react';
import { toProblem, type Problem } from '../../data/problem';
import { getImport } from '../cohorts-api';
import { isImportBusy, type ImportView } from '../cohortTypes';

const POLL_MS = 1000;

export type ImportState =
  { status: 'loading' } | { status: 'ready'; view: ImportView } | { status: 'failed'; problem: Problem };

/**
 * One import, read again every second while a large file is being checked or applied in the
 * background, then left alone. A failed reading stops the polling; retry() starts it again.
 * `initial` and `replace` show an answer the page already has (the upload's, the confirmation's).
 */
export function useImport(importId: string, initial: ImportView | null) {
  const [state, setState] = useState<ImportState>(
    initial ? { status: 'ready', view: initial } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const replace = useCallback((view: ImportView) => {
    setState({ status: 'ready', view });
    if (isImportBusy(view.status)) setAttempt((count) => count + 1);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { data, error, response } = await getImport(importId, controller.signal);
        if (controller.signal.aborted) return;
        if (!data) {
          setState({ status: 'failed', problem: toProblem(error, response) });
          return;
        }
        const view = data;
        setState({ status: 'ready', view });
        if (isImportBusy(view.status)) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: 'failed', problem: toProblem(error) });
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [importId, attempt]);
  return { state, retry, replace };
}

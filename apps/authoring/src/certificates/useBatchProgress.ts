import { useCallback, useEffect, useState } from 'react';
import { toProblem, type Problem } from '../data/problem';
import { getBatch } from './certificates-api';
import type { BatchDetail } from './certificateTypes';

const POLL_MS = 1000;

export type BatchProgress =
  { status: 'loading' } | { status: 'ready'; batch: BatchDetail } | { status: 'failed'; problem: Problem };

const unfinished = (batch: BatchDetail) => batch.status === 'queued' || batch.status === 'running';

/**
 * One batch, read again every second while it is queued or running, then left alone. A failed
 * reading stops the polling; retry() starts it again (the batch itself runs on regardless).
 */
export function useBatchProgress(batchId: string): { progress: BatchProgress; retry: () => void } {
  const [progress, setProgress] = useState<BatchProgress>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { data, error, response } = await getBatch(batchId, controller.signal);
        if (controller.signal.aborted) return;
        if (!data) {
          setProgress({ status: 'failed', problem: toProblem(error, response) });
          return;
        }
        setProgress({ status: 'ready', batch: data });
        if (unfinished(data)) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (!controller.signal.aborted) setProgress({ status: 'failed', problem: toProblem(error) });
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [batchId, attempt]);
  return { progress, retry };
}

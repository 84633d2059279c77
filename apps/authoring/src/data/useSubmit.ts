import { useCallback, useState } from 'react';
import { toProblem, type Problem } from './problem';

type Sent<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

export interface Submit {
  busy: boolean;
  /** The last failure, until the next attempt. */
  problem: Problem | null;
  /** Counts failures, so an error summary can be remounted (and take focus) after each one. */
  failures: number;
  /** Sends the request; resolves to true when it succeeded. */
  run: <T>(send: () => Sent<T>) => Promise<{ ok: true; data: T | undefined } | { ok: false }>;
  clear: () => void;
}

/** One state-changing call from a form or a confirmation: busy flag, and the problem if it failed. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failures, setFailures] = useState(0);

  const run = useCallback(async <T>(send: () => Sent<T>) => {
    setBusy(true);
    setProblem(null);
    try {
      const { data, error, response } = await send();
      if (response.ok) return { ok: true as const, data };
      setProblem(toProblem(error, response));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
    setFailures((count) => count + 1);
    return { ok: false as const };
  }, []);

  const clear = useCallback(() => setProblem(null), []);
  return { busy, problem, failures, run, clear };
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attempt,
  failedChecks,
  problemToErrors,
  useFormErrors,
  type Check,
  type Failure,
  type ProblemOptions,
} from './form-errors';

/**
 * Every account form (and one-click action) sends its request the same way: ignore a second
 * submit while one is under way, show the browser checks that fail instead of sending, call the
 * API with a dropped connection counted as 'offline', and show a refusal at the fields. The steps
 * live here once; each form keeps what is its own: its checks, its request and what follows.
 */
export function useProblemForm() {
  const { t } = useTranslation();
  const { errors, show, clear } = useFormErrors();
  const [busy, setBusy] = useState(false);

  /**
   * Sends `call` unless a request is under way or a check fails (the failures are then shown).
   * Resolves to the call's result, or to undefined when nothing was sent. `busy` ends when the
   * answer arrives, except with `leaving`: a form that goes elsewhere on success stays busy so it
   * is not redrawn (or redirected) on the way; `fail` ends it if the call failed.
   */
  const send = async <T extends Failure>(
    checks: Check[],
    call: () => Promise<T>,
    { leaving = false }: { leaving?: boolean } = {},
  ): Promise<T | 'offline' | undefined> => {
    if (busy) return undefined;
    const invalid = failedChecks(checks);
    if (invalid.length > 0) {
      show(invalid);
      return undefined;
    }
    setBusy(true);
    const result = await attempt(call);
    if (!leaving) setBusy(false);
    return result;
  };

  /** Ends `busy` and shows, at the fields, why the API refused the request or could not be reached. */
  const fail = (result: Failure | 'offline', options: ProblemOptions) => {
    setBusy(false);
    show(problemToErrors(result, options, t));
  };

  return { errors, busy, send, fail, clear };
}

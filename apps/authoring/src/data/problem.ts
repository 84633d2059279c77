import { isProblem, type ProblemDetails } from '@archipelago/api-client';

/** What went wrong with a call, in a shape pages can show: an HTTP status (null: no answer) and the server's words. */
export interface Problem {
  status: number | null;
  detail?: string;
  /** Field errors from a 400/422 answer, keyed by the request field ("email", "role"…). */
  errors: { field: string; message: string }[];
}

/** Turns whatever a call returned or threw into a Problem, so every page handles failures alike. */
export function toProblem(error: unknown, response?: Response): Problem {
  if (isProblem(error)) {
    const details: ProblemDetails = error;
    return {
      status: details.status,
      detail: details.detail,
      errors: (details.errors ?? []).map(({ field, message }) => ({ field, message })),
    };
  }
  return { status: response ? response.status : null, errors: [] };
}

import { api } from '../api';

/**
 * The quiz routes of ADR 0014 before they are in the typed client (packages/api-client/src/schema.ts).
 * Calls go through the same openapi-fetch client, so the session cookie and CSRF token are handled
 * as everywhere else; only the compile-time check of paths and bodies is missing. The *-api.ts
 * modules are the only callers: when the routes land in the schema, they switch to `api` and this
 * file goes.
 */
type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;

interface Init {
  params?: { path?: Record<string, string | number>; query?: object };
  body?: unknown;
  signal?: AbortSignal;
}

interface LooseClient {
  GET: (path: string, init?: Init) => Answer;
  POST: (path: string, init?: Init) => Answer;
  PUT: (path: string, init?: Init) => Answer;
  DELETE: (path: string, init?: Init) => Answer;
}

export const untypedApi = api as unknown as LooseClient;

/** The answer, with `data` asserted to the shape ADR 0014 describes. */
export async function as<T>(answer: Answer): Promise<{ data?: T; error?: unknown; response: Response }> {
  const { data, error, response } = await answer;
  return { data: data as T | undefined, error, response };
}

import type { ApiClient } from './index.js';

type WebApp = 'learner' | 'authoring';

/**
 * Tells the operators that a page crashed (the API logs it with a request id). Best effort: a
 * report that cannot be sent is dropped, because the person already sees the error page.
 */
export function reportClientError(api: ApiClient, app: WebApp, error: unknown, path: string): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  void api
    .POST('/api/client-errors', {
      body: {
        app,
        message: (failure.message || failure.name || 'Unknown error').slice(0, 1000),
        stack: failure.stack?.slice(0, 8000),
        path: path.slice(0, 2000),
      },
    })
    .catch(() => undefined);
}

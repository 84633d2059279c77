import type { Middleware } from 'openapi-fetch';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Holds the browser session's CSRF token and adds it to every state-changing request, so no
 * page has to remember to. The token comes from sign-in and GET /api/me (see the session provider).
 */
export class CsrfToken {
  private value: string | null = null;

  set(token: string | null | undefined): void {
    this.value = token ?? null;
  }

  readonly middleware: Middleware = {
    onRequest: ({ request }) => {
      if (this.value && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', this.value);
      return request;
    },
  };
}

import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';
import { CsrfToken } from './csrf.js';

export type { components, paths } from './schema.js';
export type ApiClient = Client<paths> & { csrf: CsrfToken };
export type Schemas = components['schemas'];
export type ProblemDetails = Schemas['ProblemDetails'];
export type Me = Schemas['MeResponse'];
export { CsrfToken } from './csrf.js';

/**
 * The typed client for the Archipelago API. Every path, parameter and body is checked against the
 * OpenAPI document at compile time. Same-origin by default: the apps are served by the API.
 */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin', ...options });
  const csrf = new CsrfToken();
  client.use(csrf.middleware);
  return Object.assign(client, { csrf });
}

/** True when an error body is RFC 9457 problem details. */
export function isProblem(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' && value !== null && 'type' in value && 'status' in value && 'title' in value
  );
}

export { reportClientError } from './client-errors.js';

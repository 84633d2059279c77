import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths } from './schema.js';
export type ApiClient = Client<paths>;
export type Schemas = components['schemas'];
export type ProblemDetails = Schemas['ProblemDetails'];

/**
 * The typed client for the Archipelago API. Every path, parameter and body is checked against the
 * OpenAPI document at compile time. Same-origin by default: the apps are served by the API.
 */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  return createClient<paths>({ baseUrl: '', credentials: 'same-origin', ...options });
}

/** True when an error body is RFC 9457 problem details. */
export function isProblem(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' && value !== null && 'type' in value && 'status' in value && 'title' in value
  );
}

export { reportClientError } from './client-errors.js';

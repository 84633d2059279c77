import { createApiClient } from '@archipelago/api-client';

// Same origin: the API serves this app in production and Vite proxies /api in development.
export const api = createApiClient({ baseUrl: '' });

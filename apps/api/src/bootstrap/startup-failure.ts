import { EmbeddedPostgresError } from '@archipelago/embedded-db';
import { StartupError } from '../config/load-config.js';

interface SystemError {
  code?: string;
  message?: string;
  address?: string;
  port?: number;
  hostname?: string;
  path?: string;
  syscall?: string;
}

const hostOf = (url: string | undefined) => {
  try {
    const parsed = new URL(url ?? '');
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the configured database';
  }
};

/**
 * Turns the failures a person can fix into one sentence saying what to do; anything else is a bug
 * and keeps its stack trace.
 */
export function describeStartupFailure(error: unknown, databaseUrl?: string): string | undefined {
  if (error instanceof StartupError || error instanceof EmbeddedPostgresError) return error.message;
  const e = (error ?? {}) as SystemError;
  const where = hostOf(databaseUrl);
  switch (e.code) {
    case 'EADDRINUSE':
      return `Port ${e.port} is already in use on ${e.address}: stop the other program or set PORT to a free port.`;
    case 'EACCES':
      if (e.syscall === 'listen' || e.port !== undefined) {
        return `Not allowed to listen on port ${e.port}: use a port above 1023 or run with the needed rights.`;
      }
      // As root, the embedded PostgreSQL runs as an unprivileged user, who must be able to reach it.
      return (
        `Permission denied: ${e.syscall ?? 'access'} ${e.path ?? ''}`.trimEnd() +
        '. When run as root, the embedded PostgreSQL runs as an unprivileged user that must be able to ' +
        'enter every folder above the project (chmod o+x); or set DATABASE_URL to your own PostgreSQL.'
      );
    case 'ECONNREFUSED':
      return `Cannot reach the database at ${where}: nothing is listening there (check DATABASE_URL).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach the database at ${where}: the host ${e.hostname ?? ''} is unknown (check DATABASE_URL).`;
    case 'ETIMEDOUT':
      return `Cannot reach the database at ${where}: the connection timed out (check DATABASE_URL and the network).`;
    case '28P01':
    case '28000':
      return `The database at ${where} refused the credentials in DATABASE_URL.`;
    case '3D000':
      return `The database named in DATABASE_URL does not exist on ${where}: create it first.`;
    default:
      if (e.message?.includes('timeout exceeded when trying to connect')) {
        return `Cannot reach the database at ${where}: the connection timed out (check DATABASE_URL and the network).`;
      }
      return undefined;
  }
}

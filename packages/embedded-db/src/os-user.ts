import { execFileSync } from 'node:child_process';

export interface OsUser {
  uid: number;
  gid: number;
}

const POSTGRES_USER = 'postgres';

/**
 * PostgreSQL refuses to run as root. When we are root (containers, CI), run it as the `postgres`
 * OS user, creating that user if the machine has none. Otherwise run it as ourselves.
 */
export function osUserForPostgres(): OsUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): OsUser | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', POSTGRES_USER], { stdio: 'pipe' }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', POSTGRES_USER], { stdio: 'pipe' }).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', POSTGRES_USER], { stdio: 'pipe' });
  return lookup();
}

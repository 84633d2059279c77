import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Environment, type AppConfig } from '../../config/app-config.js';
import { StartupError } from '../../config/load-config.js';

export const SECRET_FILE_NAME = 'credential-key-secret';

export interface ResolvedSecret {
  secret: string;
  /** Where a generated secret is kept, when it did not come from the environment. */
  file?: string;
  generated: boolean;
}

const VALID = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The secret that seals the issuer keys. Production must give it (a secret on the data volume
 * next to the database it protects would protect nothing). Elsewhere a missing secret is made
 * once and kept in DATA_DIR, readable by this user only, so `npm start` works with no setup.
 */
export async function resolveCredentialKeySecret(config: AppConfig): Promise<ResolvedSecret> {
  if (config.CREDENTIAL_KEY_SECRET) return { secret: config.CREDENTIAL_KEY_SECRET, generated: false };
  if (config.NODE_ENV === Environment.Production) {
    throw new StartupError(
      'CREDENTIAL_KEY_SECRET is not set: in production it must be given (32 random bytes as base64, e.g. `openssl rand -base64 32`); it seals the keys that sign certificates.',
    );
  }
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, SECRET_FILE_NAME);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (!VALID.test(kept)) {
      throw new StartupError(
        `${file} does not hold a 32-byte base64 secret: restore it, or delete it together with the issuer keys it sealed.`,
      );
    }
    return { secret: kept, file, generated: false };
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64');
  try {
    // `wx`: two processes starting together must not each write their own secret.
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return { secret: (await readFile(file, 'utf8')).trim(), file, generated: false };
  }
  await chmod(file, 0o600);
  return { secret, file, generated: true };
}

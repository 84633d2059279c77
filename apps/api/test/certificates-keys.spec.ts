import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createTestApp } from './test-app.js';

import { resolveCredentialKeySecret } from '../src/certificates/keys/credential-key-secret.js';
import { StartupError, loadConfig } from '../src/config/load-config.js';
import { RecentVerifications } from '../src/certificates/verification/recent-verifications.js';
import { TokenBuckets } from '../src/certificates/verification/token-buckets.js';
import { encodeStatusList } from '../src/certificates/status-list/bitstring.js';
import {
  formatCode,
  newCertificateCode,
  normalizeCode,
} from '../src/certificates/issuing/certificate-code.js';

const MAIN = resolve(fileURLToPath(import.meta.url), '../../dist/main.js');

/** Runs the built API until it exits, and answers what it printed on stderr. */
async function failedStart(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, SERVE_WEB_APPS: 'false', PORT: '0', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
  const [code] = (await once(child, 'exit')) as [number];
  clearTimeout(timer);
  return { code, stderr };
}

describe('certificates: the key-sealing secret', () => {
  it('is made once outside production, kept readable by this user only, and read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'credential-secret-'));
    try {
      const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
      const first = await resolveCredentialKeySecret(config);
      expect(first).toMatchObject({ generated: true, file: join(dir, 'credential-key-secret') });
      expect(Buffer.from(first.secret, 'base64')).toHaveLength(32);
      expect((await stat(first.file!)).mode & 0o777).toBe(0o600);
      const second = await resolveCredentialKeySecret(config);
      expect(second).toMatchObject({ generated: false, secret: first.secret });

      await writeFile(first.file!, 'not a secret\n');
      await expect(resolveCredentialKeySecret(config)).rejects.toThrow(StartupError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('comes from the environment when given, and must be given in production', async () => {
    const secret = randomBytes(32).toString('base64');
    expect(await resolveCredentialKeySecret(loadConfig({ CREDENTIAL_KEY_SECRET: secret }))).toEqual({
      secret,
      generated: false,
    });
    await expect(resolveCredentialKeySecret(loadConfig({ NODE_ENV: 'production' }))).rejects.toThrow(
      /CREDENTIAL_KEY_SECRET is not set: in production it must be given/,
    );
    const wrongShape = () => loadConfig({ CREDENTIAL_KEY_SECRET: 'short' });
    expect(wrongShape).toThrow(/CREDENTIAL_KEY_SECRET is invalid: .*32 random bytes/);
    expect(wrongShape).not.toThrow(/short/);
  });

  it('stops the API at start-up, in one line, when it does not open the stored keys or is missing in production', async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL!;
    // Migrated, with a current key sealed by the secret the specs keep in .data (not the one below).
    await (await createTestApp()).close();
    const kept = await failedStart({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      CREDENTIAL_KEY_SECRET: randomBytes(32).toString('base64'),
    });
    expect(kept.code).toBe(1);
    expect(kept.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^archipelago-api: CREDENTIAL_KEY_SECRET does not open the stored issuer key \S+ \(.*wrong secret.*\): start with the secret the keys were sealed with\.$/,
      ),
    ]);

    const production = await failedStart({ NODE_ENV: 'production', DATABASE_URL: databaseUrl });
    expect(production.code).toBe(1);
    expect(production.stderr.trim()).toMatch(
      /^archipelago-api: CREDENTIAL_KEY_SECRET is not set: in production/,
    );
  }, 120_000);
});

describe('certificates: codes, status bits and the per-address limit', () => {
  it('makes 16-character Crockford codes and reads them back however they are typed', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newCertificateCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const code = [...codes][0]!;
    expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    expect(normalizeCode('ILOU-0000-0000-0000')).toBeNull();
    expect(normalizeCode('123')).toBeNull();
  });

  it('sets bits left-most first in a GZIP-compressed, base64url, multibase list', () => {
    const bits = gunzipSync(Buffer.from(encodeStatusList([0, 9, 131071]).slice(1), 'base64url'));
    expect(bits).toHaveLength(16384);
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
    expect(bits[16383]).toBe(0b0000_0001);
    expect(() => encodeStatusList([131072])).toThrow(RangeError);
  });

  it('lets a burst through, then one a second, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, 1, 10, () => now);
    expect([1, 2, 3, 4].map(() => buckets.take('a').allowed)).toEqual([true, true, true, false]);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('b').allowed).toBe(true);
    now += 1000;
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    // Idle keys are forgotten when the table is full, so a flood of addresses cannot grow it for ever.
    now += 10_000;
    for (let i = 0; i < 20; i += 1) buckets.take(`k${i}`);
    expect(buckets.size).toBeLessThanOrEqual(10);
  });
});

describe('certificates: what the verification route remembers', () => {
  it('reads a code once a second, shares a read between concurrent checks, and forgets on demand', async () => {
    const recent = new RecentVerifications();
    let reads = 0;
    const load = async () => ({ read: ++reads });
    const [a, b] = await Promise.all([recent.get('C', load, 0), recent.get('C', load, 10)]);
    expect([a, b]).toEqual([{ read: 1 }, { read: 1 }]);
    expect(await recent.get('C', load, 999)).toEqual({ read: 1 });
    expect(await recent.get('C', load, 1000)).toEqual({ read: 2 });
    recent.forget('C');
    expect(await recent.get('C', load, 1001)).toEqual({ read: 3 });
    await expect(recent.get('F', () => Promise.reject(new Error('down')), 2000)).rejects.toThrow('down');
    expect(await recent.get('F', load, 2001)).toEqual({ read: 4 });
  });
});

import { existsSync } from 'node:fs';
import { run } from './run.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser tests drive Debian's Chromium (never a downloaded browser). Installs it with apt
 * when we are root on a Debian-like machine; otherwise says how to get it.
 */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log("Chromium is missing: installing Debian's chromium package");
    if (
      (await run('apt-get', ['update', '-qq'])) === 0 &&
      (await run('apt-get', ['install', '-y', '-qq', 'chromium'])) === 0
    ) {
      return existsSync(CHROMIUM);
    }
  }
  console.error(
    `Chromium not found at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  return false;
}

// Small helpers for the repository scripts: plain Node, no dependencies, so they run before install.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { packageManager } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));

/** The pinned pnpm, fetched by npx on first use: a fresh machine needs only Node and npm. */
export const PNPM = ['npx', '--yes', packageManager];

/** Runs a command in the repository, streaming its output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      ...options,
      env: { ...process.env, ...options.env },
    });
    child.once('error', (error) => {
      console.error(`${command}: ${error.message}`);
      done(127);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

export const pnpm = (args, options) => run(PNPM[0], [...PNPM.slice(1), ...args], options);

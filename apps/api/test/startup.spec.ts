import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = resolve(fileURLToPath(import.meta.url), '../../dist/main.js');

/** Runs the built API as a user would, and collects what it prints. */
function runApi(env: Record<string, string>) {
  const output: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', SERVE_WEB_APPS: 'false', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const port = new Promise<number>((ready, fail) => {
    child.stdout.on('data', () => {
      const match = /"port":(\d+)[^\n]*listening/.exec(output.join(''));
      if (match) ready(Number(match[1]));
    });
    child.once('exit', () => fail(new Error(`exited before listening: ${stderr}`)));
  });
  port.catch(() => undefined);
  const exit = once(child, 'exit').then(([code]) => ({ code: code as number, stderr }));
  return { child, port, exit };
}

describe('starting the API', () => {
  it('is built (the test task depends on the build)', () => {
    expect(existsSync(MAIN)).toBe(true);
  });

  it('stops with one line naming a wrong variable', async () => {
    const { exit } = runApi({ PORT: 'eighty', DATABASE_URL: 'postgres://localhost/x' });
    const { code, stderr } = await exit;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^archipelago-api: Invalid configuration: PORT="eighty"/),
    ]);
  });

  it('stops with one line when the database cannot be reached', async () => {
    const { exit } = runApi({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/archipelago', PORT: '0' });
    const { code, stderr } = await exit;
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'archipelago-api: Cannot reach the database at 127.0.0.1:1/archipelago: nothing is listening there (check DATABASE_URL).',
    );
  });

  it('stops with one line when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const taken = (blocker.address() as { port: number }).port;
    const { exit } = runApi({
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      PORT: String(taken),
      HOST: '127.0.0.1',
    });
    const { code, stderr } = await exit;
    blocker.close();
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `archipelago-api: Port ${taken} is already in use on 127.0.0.1: stop the other program or set PORT to a free port.`,
    );
  });

  describe('with no DATABASE_URL (embedded PostgreSQL)', () => {
    let dataDir: string;
    afterAll(async () => dataDir && rm(dataDir, { recursive: true, force: true }));

    it('starts, answers ready, stops cleanly, and keeps its data across a restart', async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'archipelago-startup-'));
      const first = runApi({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO_DATA: 'true' });
      const port = await first.port;
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      expect(ready.status).toBe(200);
      first.child.kill('SIGTERM');
      expect((await first.exit).code).toBe(0);
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

      const second = runApi({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
      const again = await second.port;
      const list = await fetch(`http://127.0.0.1:${again}/api/institutions`).then((r) => r.json());
      expect((list as { total: number }).total).toBe(5);
      second.child.kill('SIGINT');
      expect((await second.exit).code).toBe(0);
    });

    it('starts again after being killed outright, stopping the database it left behind', async () => {
      const killed = runApi({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
      await killed.port;
      killed.child.kill('SIGKILL');
      await killed.exit;
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

      const next = runApi({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
      const port = await next.port;
      expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);
      next.child.kill('SIGTERM');
      expect((await next.exit).code).toBe(0);
    });
  });
});

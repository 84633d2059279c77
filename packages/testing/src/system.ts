import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from './database.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunningSystem {
  baseUrl: string;
  database: TestDatabase;
  /** Every line the API logged so far (JSON), for assertions and for debugging a failure. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Runs the built API — which serves the built learner and authoring apps — on an ephemeral port,
 * against a fresh database loaded with the demo seed. Build first (`pnpm build`).
 */
export async function startSystem(env: Record<string, string> = {}): Promise<RunningSystem> {
  const database = await createTestDatabase();
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [resolve(REPO_ROOT, 'apps/api/dist/main.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`The API did not start in 30 s:\n${logs.join('\n')}`)),
      30_000,
    );
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        logs.push(line);
        const match = /"port":(\d+)/.exec(line);
        if (match && line.includes('listening')) {
          clearTimeout(timer);
          ready(Number(match[1]));
        }
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The API exited with code ${code} while starting:\n${logs.join('\n')}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    logs,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await database.drop();
    },
  };
}

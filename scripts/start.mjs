// `npm start`: installs, builds, and starts the whole system on an embedded PostgreSQL with the demo
// seed, then prints the addresses and demo sign-ins. Ctrl-C stops everything cleanly.
import { spawn } from 'node:child_process';
import { ROOT, pnpm } from './lib/run.mjs';

const port = process.env.PORT ?? '3000';
const base = process.env.PUBLIC_URL ?? `http://localhost:${port}`;

const step = async (label, args) => {
  console.log(`\n▸ ${label}`);
  const code = await pnpm(args);
  if (code !== 0) {
    console.error(`✗ ${label} failed (exit code ${code})`);
    process.exit(code);
  }
};

await step('Installing dependencies', ['install', '--frozen-lockfile']);
await step('Building the API and both web apps', [
  'exec',
  'turbo',
  'run',
  'build',
  '--output-logs=errors-only',
]);

console.log('\n▸ Starting Archipelago (embedded PostgreSQL unless DATABASE_URL is set)');
const api = spawn(process.execPath, ['--enable-source-maps', 'apps/api/dist/main.js'], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'true',
    PUBLIC_URL: base,
    // The heap limit production runs with (docker/Dockerfile, docs/deployment.md).
    NODE_OPTIONS: '--max-old-space-size=160 --max-semi-space-size=8',
    ...process.env,
    PORT: port,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.once('exit', (code) => process.exit(code ?? 0));

const { DEMO_ACCOUNTS } = await import('../apps/api/dist/seed/demo-data.js');
const started = Date.now();
while (Date.now() - started < 60_000) {
  const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) {
    const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
    console.log(`
Archipelago is running.

  Learner app     ${base}/
  Studio          ${base}/studio/
  API docs        ${base}/api/docs
  OpenAPI         ${base}/api/openapi.json

Demo sign-ins (local demo only):
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(18)} ${a.email.padEnd(width)}  ${a.password}`).join('\n')}

Press Ctrl-C to stop.`);
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}

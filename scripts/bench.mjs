// `pnpm bench`: measures the foundation's budgets on this machine and prints a Markdown table for
// docs/performance.md. Needs a build (the pnpm script builds first).
//   - start-up: process start to /api/health/ready answering, on embedded PostgreSQL (fresh folder, then warm)
//   - GET /api/health/ready under 32 connections for 10 s (autocannon): requests/s, p99, API RSS
//   - GET /api/me with a session cookie, the same way; and the cost of one sign-in
//   - the learner's outline with progress and progress writes (scripts/bench-learning.mjs)
//   - quiz answer saves, 500 simultaneous submissions, item analysis of 10,000 attempts (scripts/bench-quizzes.mjs)
//   - SCORM runtime commits from 500 launched sessions, and the import of a 200 MB package (scripts/bench-scorm.mjs)
//   - certificates: one PDF rendered, GET /api/verify/<code> under load, a batch of 1,000 (scripts/bench-certificate-*.mjs)
//   - bulk enrolment: preview and confirm of a 10,000-row CSV (scripts/bench-enrolment-import.mjs)
//   - reports over 100,000 enrolments and 2,000,000 progress rows, p95 per report (scripts/bench-reports.mjs)
//   - DGCA results and consensus of 200 participants × 60 statements (scripts/bench-dgca.mjs)
//   - first-load JavaScript of both apps, gzipped (scripts/check-bundle-budget.mjs)
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureLearning } from './bench-learning.mjs';
import { measureQuizzes } from './bench-quizzes.mjs';
import { measureScorm, scormRows } from './bench-scorm.mjs';
import {
  certificateBatchRows,
  embeddedDatabaseUrl,
  measureCertificateBatch,
} from './bench-certificate-batch.mjs';
import { certificatePdfRows, measureCertificatePdf } from './bench-certificate-pdf.mjs';
import { measureVerify, verifyRows } from './bench-certificate-verify.mjs';
import { measureReports, reportRows } from './bench-reports.mjs';
import { enrolmentImportRows, measureEnrolmentImport } from './bench-enrolment-import.mjs';
import { dgcaRows, measureDgca } from './bench-dgca.mjs';
import { ROOT } from './lib/run.mjs';

const MAIN = join(ROOT, 'apps/api/dist/main.js');

/**
 * Production refuses to start without the secret that seals the issuer keys, and every API of a
 * run shares one data folder: one secret for the whole run, so each start opens the same keys.
 */
const CREDENTIAL_KEY_SECRET = randomBytes(32).toString('base64');

/** Every API started, so that a failed measurement never leaves one running. */
const children = new Set();
const logListeners = new Set();

/**
 * The API's own time for each matching request (the `ms` of its request log lines) while `during`
 * runs: the latency without the load generator, which shares the machine's two cores, in it.
 */
async function serverTimes(method, route, during) {
  const times = [];
  let partial = '';
  const listener = (text) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      if (!line.includes(`"url":"${route}"`) || !line.includes(`"method":"${method}"`)) continue;
      times.push(JSON.parse(line).ms);
    }
  };
  logListeners.add(listener);
  try {
    const result = await during();
    times.sort((a, b) => a - b);
    return { result, p99: times[Math.floor(times.length * 0.99)] ?? NaN };
  } finally {
    logListeners.delete(listener);
  }
}

function startApi(env) {
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), MAIN],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        // As production runs it (docker/Dockerfile): V8 otherwise grows the heap far past what is live.
        NODE_OPTIONS: '--max-old-space-size=160 --max-semi-space-size=8',
        SERVE_WEB_APPS: 'true',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        CREDENTIAL_KEY_SECRET,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const port = new Promise((ready, fail) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /"port":(\d+)[^\n]*listening/.exec(output);
      if (!match) return;
      // From here on the logs are drained, as a log shipper would, and read only while a
      // measurement asks for the API's own request times (see serverTimes).
      child.stdout.off('data', onData);
      child.stdout.on('data', (more) => {
        for (const listener of logListeners) listener(more.toString());
      });
      ready(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => fail(new Error(`API exited with ${code}`)));
  });
  return { child, port };
}

async function waitReady(port) {
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stop(child) {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function measureStartup(dataDir) {
  const started = performance.now();
  const api = startApi({ DATA_DIR: dataDir, PORT: '0' });
  const port = await api.port;
  await waitReady(port);
  const ms = performance.now() - started;
  await stop(api.child);
  return ms;
}

const DEMO = { email: 'learner@demo.archipelago.local', password: 'demo-learner-password' };

async function signIn(port) {
  return fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
}

async function signInCookie(port) {
  const response = await signIn(port);
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.get('set-cookie').split(';')[0];
}

/** Each successful sign-in costs one argon2id verification; time them one after another. */
async function measureSignIns(port, count) {
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await signIn(port);
    if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p95: times[Math.floor(times.length * 0.95) - 1],
  };
}

const rssOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
};

/** The quiz budgets' rows (scripts/bench-quizzes.mjs). */
function quizRows(quizzes, quizMemory) {
  return [
    [
      'PUT /api/me/quiz-attempts/:id/slots/:slot (answer saves into 500 open attempts), 32 connections: requests/s (mean)',
      quizzes.saves.result.requests.average.toFixed(0),
      '≥ 2,000',
    ],
    [
      'Answer saves: latency p99, in the API / at the load generator',
      `${quizzes.saves.p99} ms / ${quizzes.saves.result.latency.p99} ms`,
      '< 30 ms',
    ],
    [
      'Answer saves: errors / non-2xx',
      `${quizzes.saves.result.errors} / ${quizzes.saves.result.non2xx}`,
      '0 / 0',
    ],
    [
      '500 learners submitting a 20-question attempt at once: latency p99, in the API / at the client',
      `${quizzes.submissions.p99} ms / ${quizzes.submissions.clientP99.toFixed(0)} ms`,
      '< 200 ms',
    ],
    [
      '500 submissions: results not as expected / attempts listed / learners without exactly one',
      `${quizzes.submissions.wrong} / ${quizzes.submissions.attempts}${quizzes.submissions.allSubmitted ? '' : ' (not all submitted)'} / ${quizzes.submissions.duplicated}`,
      '0 / 500 / 0',
    ],
    [
      `Item analysis of a quiz with ${quizzes.analysis.attempts} attempts: median / slowest of 5`,
      `${quizzes.analysis.median.toFixed(0)} ms / ${quizzes.analysis.max.toFixed(0)} ms`,
      '< 1 s',
    ],
    [
      'API resident memory after the quiz load (peak)',
      `${quizMemory.rssMb.toFixed(0)} MB (${quizMemory.peakMb.toFixed(0)} MB)`,
      '< 200 MB',
    ],
  ];
}

function printTable(rows) {
  const when = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`\nMeasured ${when} on ${machine}\n`);
  console.log('| measure | result | budget |\n|---|---|---|');
  for (const [name, value, budget] of rows) console.log(`| ${name} | ${value} | ${budget} |`);
}

/** `pnpm bench -- --quizzes`: only the quiz budgets, on a seeded API. */
async function quizzesOnly(dataDir) {
  const seeded = startApi({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
  const port = await seeded.port;
  await waitReady(port);
  const quizzes = await measureQuizzes(port, serverTimes);
  const quizMemory = rssOf(seeded.child.pid);
  await stop(seeded.child);
  printTable(quizRows(quizzes, quizMemory));
}

/**
 * The SCORM budgets on a seeded API of their own, so that the import's memory is measured from
 * the same starting point whether they run alone (`--scorm`) or in the full run.
 */
async function scormMeasures(dataDir) {
  const seeded = startApi({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
  const port = await seeded.port;
  await waitReady(port);
  const scorm = await measureScorm(port, serverTimes, seeded.child.pid);
  await stop(seeded.child);
  return scormRows(scorm);
}

/**
 * The certificate budgets on a seeded API of their own: verification under load, then a batch of
 * 1,000 with the API's memory and another request's latency sampled; and one PDF rendered.
 */
async function certificateMeasures(dataDir) {
  const seeded = startApi({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
  const port = await seeded.port;
  await waitReady(port);
  const verify = await measureVerify(port, serverTimes);
  const batch = await measureCertificateBatch(port, seeded.child.pid, embeddedDatabaseUrl(dataDir));
  await stop(seeded.child);
  const pdf = await measureCertificatePdf();
  return [...certificatePdfRows(pdf), ...verifyRows(verify), ...certificateBatchRows(batch)];
}

/** The bulk enrolment budgets on a seeded API of their own (`--imports`), memory sampled throughout. */
async function importMeasures(dataDir) {
  const seeded = startApi({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
  const port = await seeded.port;
  await waitReady(port);
  const run = await measureEnrolmentImport(port, seeded.child.pid, embeddedDatabaseUrl(dataDir));
  await stop(seeded.child);
  return enrolmentImportRows(run);
}

/** The reports budget on a seeded API of its own, whose database gets the report volumes. */
async function reportMeasures(dataDir) {
  const seeded = startApi({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
  const port = await seeded.port;
  await waitReady(port);
  const reports = await measureReports(port, seeded.child.pid, embeddedDatabaseUrl(dataDir));
  await stop(seeded.child);
  return reportRows(reports);
}

/** The DGCA budget on a seeded API of its own, whose database gets 200 participants × 60 statements. */
async function dgcaMeasures(dataDir) {
  const seeded = startApi({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
  const port = await seeded.port;
  await waitReady(port);
  const run = await measureDgca(port, embeddedDatabaseUrl(dataDir));
  await stop(seeded.child);
  return dgcaRows(run);
}

const dataDir = mkdtempSync(join(tmpdir(), 'archipelago-bench-'));
try {
  if (process.argv.includes('--quizzes')) await quizzesOnly(dataDir);
  else if (process.argv.includes('--scorm')) printTable(await scormMeasures(dataDir));
  else if (process.argv.includes('--certificates')) printTable(await certificateMeasures(dataDir));
  else if (process.argv.includes('--reports')) printTable(await reportMeasures(dataDir));
  else if (process.argv.includes('--imports')) printTable(await importMeasures(dataDir));
  else if (process.argv.includes('--dgca')) printTable(await dgcaMeasures(dataDir));
  else await everything(dataDir);
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

async function everything(dataDir) {
  const coldStart = await measureStartup(dataDir);
  const warmStart = await measureStartup(dataDir);

  const api = startApi({ DATA_DIR: dataDir, PORT: '0' });
  const port = await api.port;
  await waitReady(port);
  const url = `http://127.0.0.1:${port}/api/health/ready`;
  await autocannon({ url, connections: 32, duration: 3 }); // warm-up: JIT and pool
  const result = await autocannon({ url, connections: 32, duration: 10 });
  const memory = rssOf(api.child.pid);
  await stop(api.child);

  // Signed-in requests need the demo accounts, which production mode refuses to seed.
  const seeded = startApi({ DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'true' });
  const seededPort = await seeded.port;
  await waitReady(seededPort);
  const signIns = await measureSignIns(seededPort, 20);
  const cookie = await signInCookie(seededPort);
  const meUrl = `http://127.0.0.1:${seededPort}/api/me`;
  await autocannon({ url: meUrl, connections: 32, duration: 3, headers: { cookie } });
  const me = await autocannon({ url: meUrl, connections: 32, duration: 10, headers: { cookie } });
  const learning = await measureLearning(seededPort, serverTimes);
  const seededMemory = rssOf(seeded.child.pid);
  const quizzes = await measureQuizzes(seededPort, serverTimes);
  const quizMemory = rssOf(seeded.child.pid);
  await stop(seeded.child);
  const scorm = await scormMeasures(dataDir);
  const certificates = await certificateMeasures(dataDir);
  const imports = await importMeasures(dataDir);
  const reports = await reportMeasures(dataDir);
  const dgca = await dgcaMeasures(dataDir);

  const bundles = JSON.parse(
    execFileSync(process.execPath, [join(ROOT, 'scripts/check-bundle-budget.mjs'), '--json'], {
      cwd: ROOT,
    }).toString(),
  );

  const rows = [
    [
      'Start to ready, fresh data folder (initdb + migrations)',
      `${(coldStart / 1000).toFixed(2)} s`,
      '< 5 s',
    ],
    ['Start to ready, existing data folder', `${(warmStart / 1000).toFixed(2)} s`, '< 5 s'],
    [
      'GET /api/health/ready, 32 connections: requests/s (mean)',
      result.requests.average.toFixed(0),
      '≥ 5,000',
    ],
    ['GET /api/health/ready, 32 connections: latency p99', `${result.latency.p99} ms`, '< 20 ms'],
    ['GET /api/health/ready: errors / non-2xx', `${result.errors} / ${result.non2xx}`, '0 / 0'],
    [
      'GET /api/me with a session, 32 connections: requests/s (mean)',
      me.requests.average.toFixed(0),
      '≥ 3,000',
    ],
    ['GET /api/me with a session, 32 connections: latency p99', `${me.latency.p99} ms`, '< 25 ms'],
    ['GET /api/me: errors / non-2xx', `${me.errors} / ${me.non2xx}`, '0 / 0'],
    [
      'Sign-in (one argon2id verification), one after another: mean / p95',
      `${signIns.mean.toFixed(0)} ms / ${signIns.p95.toFixed(0)} ms`,
      'about 50–100 ms by design',
    ],
    [
      'GET /api/me/learning/:slug, outline with progress of 15 × 10 activities, 32 connections: requests/s (mean)',
      learning.outline.result.requests.average.toFixed(0),
      '≥ 1,500',
    ],
    [
      'GET /api/me/learning/:slug: latency p99, in the API (its request log) / at the load generator',
      `${learning.outline.p99} ms / ${learning.outline.result.latency.p99} ms`,
      '< 40 ms',
    ],
    [
      'GET /api/me/learning/:slug: errors / non-2xx',
      `${learning.outline.result.errors} / ${learning.outline.result.non2xx}`,
      '0 / 0',
    ],
    [
      'PUT …/progress (position and completion over 150 activities), 32 connections: writes/s (mean)',
      learning.writes.result.requests.average.toFixed(0),
      '≥ 2,000',
    ],
    [
      'PUT …/progress: latency p99, in the API / at the load generator',
      `${learning.writes.p99} ms / ${learning.writes.result.latency.p99} ms`,
      '—',
    ],
    [
      'PUT …/progress: errors / non-2xx',
      `${learning.writes.result.errors} / ${learning.writes.result.non2xx}`,
      '0 / 0',
    ],
    [
      "Lesson page on Chromium's Slow 3G, signed in, empty cache: time to the lesson text (transferred)",
      `${(learning.slow3g.cold.ms / 1000).toFixed(1)} s (${(learning.slow3g.cold.bytes / 1024).toFixed(0)} KB)`,
      'usable; noted',
    ],
    [
      'Lesson page on Slow 3G, code cached (the next lesson): time to the lesson text (transferred)',
      `${(learning.slow3g.warm.ms / 1000).toFixed(1)} s (${(learning.slow3g.warm.bytes / 1024).toFixed(0)} KB)`,
      'usable; noted',
    ],
    [
      'API resident memory after the learning load (peak)',
      `${seededMemory.rssMb.toFixed(0)} MB (${seededMemory.peakMb.toFixed(0)} MB)`,
      '< 200 MB',
    ],
    ...quizRows(quizzes, quizMemory),
    ...scorm,
    ...certificates,
    ...imports,
    ...reports,
    ...dgca,
    [
      'API resident memory after the load (peak)',
      `${memory.rssMb.toFixed(0)} MB (${memory.peakMb.toFixed(0)} MB)`,
      '< 200 MB',
    ],
    ...bundles.results.map((b) => [
      `${b.app} app: first-load JavaScript, gzipped`,
      `${(b.totalGzipBytes / 1024).toFixed(1)} KB`,
      `≤ ${(b.budgetBytes / 1024).toFixed(0)} KB`,
    ]),
  ];
  printTable(rows);
}

// The certificate verification budget, for `pnpm bench` (scripts/bench.mjs), on a seeded API:
//   - the demo trainer publishes a one-lesson course; CERTIFICATES learners sign up, enrol and
//     complete it, each getting a certificate automatically (its PDF downloaded once before measuring);
//   - autocannon GETs /api/verify/<code> across all those codes, 32 connections, 10 s, each few
//     requests from another client address (X-Forwarded-For, which the API trusts from loopback),
//     as a public page visited by many people is: the per-address limit must not be what is measured.
// Budget (issue 7): at least 3,000 requests/s, p99 under 25 ms.
//
// Standalone: `node scripts/bench-certificate-verify.mjs` (after building the API) starts a seeded
// API of its own on an embedded database in a temporary folder, measures, and prints the rows.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inParallel, newLearner, session, TRAINER } from './lib/bench-people.mjs';
import { ROOT } from './lib/run.mjs';

const CERTIFICATES = Number(process.env.BENCH_VERIFY_CERTIFICATES ?? 300);
/** Requests per made-up client address: well inside the burst of the per-address limit. */
const REQUESTS_PER_ADDRESS = 10;

async function publishCourse(trainer) {
  const institutions = await trainer.call('GET', '/api/institutions?country=LC');
  const centre = institutions.items.find((i) => i.name.includes('Training Centre'));
  const course = await trainer.call('POST', '/api/studio/courses', {
    slug: `bench-certificates-${Date.now().toString(36)}`,
    title: 'Benchmark certificate course',
    summary: 'One lesson, then a certificate.',
    language: 'en',
    institutionId: centre.id,
    estimatedHours: 2,
  });
  const module = await trainer.call('POST', `/api/studio/courses/${course.id}/modules`, {
    revision: course.revision,
    title: 'Only module',
  });
  const lesson = await trainer.call(
    'POST',
    `/api/studio/courses/${course.id}/modules/${module.id}/activities`,
    {
      revision: module.course.revision,
      kind: 'lesson',
      title: 'Only lesson',
    },
  );
  await trainer.call('PUT', `/api/studio/lessons/${lesson.id}`, {
    revision: 1,
    document: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Read me.' }] }],
    },
  });
  await trainer.call('POST', `/api/studio/courses/${course.id}/publish`, {
    revision: lesson.course.revision,
    changeLog: 'Benchmark',
  });
  return { slug: course.slug, lessonId: lesson.id };
}

/** A learner who completes the course; answers their certificate's code. */
async function graduate(base, slug, lessonId, i) {
  const person = await newLearner(base, 'bench-certificate', i);
  await person.call('POST', `/api/courses/${slug}/enrolment`);
  await person.call('PUT', `/api/me/learning/${slug}/activities/${lessonId}/progress`, {
    at: new Date().toISOString(),
    completed: true,
  });
  const mine = await person.call('GET', '/api/me/certificates');
  const certificate = mine.items.find((c) => c.state === 'issued');
  if (!certificate) throw new Error(`learner ${i} got no certificate: ${JSON.stringify(mine.items)}`);
  return certificate.code.replace(/-/g, '');
}

const clientAddress = (n) => {
  const k = Math.floor(n / REQUESTS_PER_ADDRESS);
  return `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
};

/** A course and `count` learners who completed it: answers their certificates' codes, PDFs drawn. */
export async function seedCertificates(base, count) {
  const trainer = await session(base, TRAINER);
  const { slug, lessonId } = await publishCourse(trainer);
  const codes = await inParallel(
    Array.from({ length: count }, (_, i) => i),
    4,
    (i) => graduate(base, slug, lessonId, i),
  );
  // A PDF is drawn on its first download: drawing them all now keeps that work out of the
  // measurement, and checks every certificate has one.
  await inParallel(codes, 2, async (code, i) => {
    const response = await fetch(`${base}/api/verify/${code}/pdf`, {
      headers: { 'x-forwarded-for': `172.16.${Math.floor(i / 250)}.${(i % 250) + 1}` },
    });
    if (!response.ok) throw new Error(`PDF of ${code}: ${response.status}`);
    await response.arrayBuffer();
  });
  return codes;
}

/** `serverTimes(method, route, during)` reads the API's own request times while `during` runs (bench.mjs). */
export async function measureVerify(port, serverTimes) {
  const base = `http://127.0.0.1:${port}`;
  const codes = await seedCertificates(base, CERTIFICATES);

  let n = 0;
  const verifyRequest = {
    method: 'GET',
    setupRequest: (request) => {
      n += 1;
      return {
        ...request,
        path: `/api/verify/${codes[n % codes.length]}`,
        headers: { ...request.headers, 'x-forwarded-for': clientAddress(n) },
      };
    },
  };
  const options = { url: base, connections: 32, requests: [verifyRequest] };
  await autocannon({ ...options, duration: 3 }); // warm-up: JIT, pool, prepared statements
  const measured = await serverTimes('GET', '/api/verify/:code', () =>
    autocannon({ ...options, duration: 10 }),
  );
  return { certificates: codes.length, result: measured.result, p99: measured.p99 };
}

export function verifyRows(verify) {
  const { result } = verify;
  return [
    [
      `GET /api/verify/:code (${verify.certificates} issued certificates, many client addresses), 32 connections: requests/s (mean)`,
      result.requests.average.toFixed(0),
      '≥ 3,000',
    ],
    [
      'Certificate verification: latency p99, in the API / at the load generator',
      `${verify.p99} ms / ${result.latency.p99} ms`,
      '< 25 ms',
    ],
    ['Certificate verification: errors / non-2xx', `${result.errors} / ${result.non2xx}`, '0 / 0'],
  ];
}

/** The process's CPU time so far, in ms (utime + stime from /proc, at 100 ticks a second). */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** Standalone: a seeded API of its own, as bench.mjs starts one, measured and stopped. */
async function standalone() {
  const dataDir = mkdtempSync(join(tmpdir(), 'archipelago-bench-verify-'));
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      NODE_OPTIONS: '--max-old-space-size=160 --max-semi-space-size=8',
      SEED_DEMO_DATA: 'true',
      SERVE_WEB_APPS: 'false',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const listeners = new Set();
  let output = '';
  const port = await new Promise((ready, fail) => {
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString();
      for (const listener of listeners) listener(text);
      if (output === null) return;
      output += text;
      const match = /"port":(\d+)[^\n]*listening/.exec(output);
      if (match) {
        output = null;
        ready(Number(match[1]));
      }
    });
    child.once('exit', (code) => fail(new Error(`API exited with ${code}`)));
  });
  const serverTimes = async (method, route, during) => {
    const times = [];
    let partial = '';
    const listener = (text) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        if (line.includes(`"url":"${route}"`) && line.includes(`"method":"${method}"`))
          times.push(JSON.parse(line).ms);
      }
    };
    listeners.add(listener);
    try {
      const result = await during();
      times.sort((a, b) => a - b);
      return { result, p99: times[Math.floor(times.length * 0.99)] ?? NaN };
    } finally {
      listeners.delete(listener);
    }
  };
  try {
    let cpuBefore = 0;
    const verify = await measureVerify(port, (method, route, during) =>
      serverTimes(method, route, () => {
        cpuBefore = cpuMs(child.pid);
        return during();
      }),
    );
    const verifyCpu = (cpuMs(child.pid) - cpuBefore) / (verify.result.requests.total || 1);
    // The same load on the cheapest route, right after, and the API's own CPU time per request
    // for both: on a shared or busy machine they say how much of the figures is the machine.
    const healthCpuBefore = cpuMs(child.pid);
    const health = await autocannon({
      url: `http://127.0.0.1:${port}/api/health/ready`,
      connections: 32,
      duration: 5,
    });
    const healthCpu = (cpuMs(child.pid) - healthCpuBefore) / (health.requests.total || 1);
    console.log('| measure | result | budget |\n|---|---|---|');
    for (const [name, value, budget] of verifyRows(verify)) console.log(`| ${name} | ${value} | ${budget} |`);
    console.log(
      `| (context) GET /api/health/ready on the same API, 5 s: requests/s (mean) | ${health.requests.average.toFixed(0)} | ≥ 5,000 |`,
    );
    console.log(
      `| (context) the API's CPU time per request: verify / health | ${verifyCpu.toFixed(3)} ms / ${healthCpu.toFixed(3)} ms | |`,
    );
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await standalone();

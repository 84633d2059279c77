// The certificate batch budget, for `pnpm bench` (scripts/bench.mjs), on a seeded API started for
// it: LEARNERS learners who completed a course (put straight into the database in two statements —
// the seeding is not what is measured), then the demo institution admin asks over HTTP for a
// certificate for everyone eligible. Timed from the request to the batch's `done`, which includes
// signing each credential and drawing and storing each PDF. Meanwhile the API's resident memory is
// sampled every 50 ms, and a signed-in GET /api/me is sent one after another to show that the API
// keeps answering while the job runs. Budgets: under 2 minutes, under 400 MB.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './lib/run.mjs';
import { session } from './lib/bench-people.mjs';

const LEARNERS = Number(process.env.CERTIFICATE_BATCH_BENCH_LEARNERS ?? 1000);
const TIMEOUT_MS = 10 * 60_000;
const INSTITUTION_ADMIN = {
  email: 'institution-admin@demo.archipelago.local',
  password: 'demo-institution-password',
};

// pg is the API's dependency, not the scripts': load it from there.
const pg = createRequire(join(ROOT, 'apps/api/package.json'))('pg');

/** The embedded PostgreSQL of an API started on DATA_DIR (its credentials file and postmaster.pid). */
export function embeddedDatabaseUrl(dataDir) {
  const { user, password } = JSON.parse(readFileSync(join(dataDir, 'postgres.credentials.json'), 'utf8'));
  const port = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .split('\n')[3]
    .trim();
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/archipelago`;
}

const rssMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** A published course of one lesson in the admin's institution; answers its id. */
async function publishedCourse(admin) {
  const me = await admin.call('GET', '/api/me');
  const institutionId = me.memberships.find((m) => m.role === 'institution_admin').institutionId;
  const course = await admin.call('POST', '/api/studio/courses', {
    slug: `bench-certificates-${Date.now().toString(36)}`,
    title: 'Benchmark certificates course',
    summary: 'A course whose graduates all get a certificate at once.',
    language: 'en',
    institutionId,
    estimatedHours: 8,
  });
  const module = await admin.call('POST', `/api/studio/courses/${course.id}/modules`, {
    revision: course.revision,
    title: 'Module 1',
  });
  const lesson = await admin.call(
    'POST',
    `/api/studio/courses/${course.id}/modules/${module.id}/activities`,
    {
      revision: module.course.revision,
      kind: 'lesson',
      title: 'Lesson 1',
    },
  );
  await admin.call('PUT', `/api/studio/lessons/${lesson.id}`, {
    revision: 1,
    document: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Read me.' }] }],
    },
  });
  await admin.call('POST', `/api/studio/courses/${course.id}/publish`, {
    revision: lesson.course.revision,
    changeLog: 'Benchmark',
  });
  return course.id;
}

/** LEARNERS accounts enrolled in the course's published version, all of them having completed it. */
async function seedGraduates(databaseUrl, courseId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tag = Date.now().toString(36);
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO user_account (email, display_name, password_hash)
       SELECT 'bench-graduate-' || $1 || '-' || n || '@example.org',
              'Nguyễn Thị Ánh Łukasiewicz ' || n, 'not-a-password-hash'
         FROM generate_series(1, $2) AS n`,
      [tag, LEARNERS],
    );
    await client.query(
      `INSERT INTO enrolment (course_id, user_id, version_id, source, completed_at)
       SELECT $1, u.id, (SELECT id FROM course_version WHERE course_id = $1 ORDER BY created_at DESC LIMIT 1),
              'staff', now() - interval '1 day'
         FROM user_account u
        WHERE u.email LIKE 'bench-graduate-' || $2 || '-%'`,
      [courseId, tag],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/**
 * Seeds the graduates, starts the batch over HTTP and waits for it, sampling the API's memory and
 * the latency of other requests meanwhile.
 */
export async function measureCertificateBatch(port, apiPid, databaseUrl) {
  const base = `http://127.0.0.1:${port}`;
  const admin = await session(base, INSTITUTION_ADMIN);
  const courseId = await publishedCourse(admin);
  await seedGraduates(databaseUrl, courseId);

  const baselineMb = rssMb(apiPid);
  let peakMb = baselineMb;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb(apiPid));
  }, 50);
  let probing = true;
  const probeTimes = [];
  let probeErrors = 0;
  const probe = (async () => {
    while (probing) {
      const started = performance.now();
      const answer = await admin.request('GET', '/api/me').catch(() => null);
      if (answer?.ok) {
        await answer.arrayBuffer();
        probeTimes.push(performance.now() - started);
      } else probeErrors += 1;
      await sleep(20);
    }
  })();

  const started = performance.now();
  let batch;
  try {
    batch = await admin.call('POST', `/api/studio/courses/${courseId}/certificate-batches`, {
      reason: 'Benchmark: every graduate at once',
    });
    while (batch.status === 'queued' || batch.status === 'running') {
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`batch not done after ${TIMEOUT_MS} ms`);
      await sleep(500);
      const { items: _items, ...progress } = await admin.call(
        'GET',
        `/api/studio/certificate-batches/${batch.id}`,
      );
      batch = progress;
    }
  } finally {
    probing = false;
    await probe;
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peakMb = Math.max(peakMb, rssMb(apiPid));
  probeTimes.sort((a, b) => a - b);
  return {
    learners: LEARNERS,
    status: batch.status,
    error: batch.error,
    total: batch.total,
    processed: batch.processed,
    issued: batch.issued,
    skipped: batch.skipped,
    seconds,
    workerSeconds: (Date.parse(batch.finishedAt) - Date.parse(batch.startedAt)) / 1000,
    baselineMb,
    peakMb,
    probe: {
      count: probeTimes.length,
      errors: probeErrors,
      p50: percentile(probeTimes, 0.5),
      p99: percentile(probeTimes, 0.99),
      max: probeTimes.at(-1),
    },
  };
}

/** The certificate batch rows of the benchmark's table. */
export function certificateBatchRows(run) {
  return [
    [
      `Certificate batch of ${run.learners.toLocaleString('en')} graduates (sign, draw and store each PDF): time to done (in the worker)`,
      `${run.seconds.toFixed(1)} s (${run.workerSeconds.toFixed(1)} s); ${run.status}, ${run.issued} issued of ${run.total}`,
      '< 120 s',
    ],
    [
      'API resident memory during the batch: peak (before)',
      `${run.peakMb.toFixed(0)} MB (${run.baselineMb.toFixed(0)} MB)`,
      '< 400 MB',
    ],
    [
      'GET /api/me one after another during the batch: answered / failed, p50 / p99 / max',
      `${run.probe.count} / ${run.probe.errors}, ${run.probe.p50?.toFixed(0)} / ${run.probe.p99?.toFixed(0)} / ${run.probe.max?.toFixed(0)} ms`,
      'answered, 0 failed',
    ],
  ];
}

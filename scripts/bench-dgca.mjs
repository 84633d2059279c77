// The DGCA results budget (issue 9), for `pnpm bench` (scripts/bench.mjs, alone with `--dgca`), on
// a seeded API started for it; or on its own: `node scripts/bench-dgca.mjs` (after a build) starts
// the built API on an embedded PostgreSQL in a fresh folder. A framework version of 6 dimensions ×
// 10 statements and an assessment of 200 participants who rated every statement (12,000 ratings,
// about 6% "don't know" and 10% with a comment or link, consensus on half the statements) are put
// straight into the database in a few statements — the seeding is not what is measured. Then the
// platform admin asks for the results and for the consensus view, RUNS times each, one after
// another. Budget: results (and consensus) p95 under 300 ms.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { session } from './lib/bench-people.mjs';
import { ROOT } from './lib/run.mjs';

const PARTICIPANTS = Number(process.env.DGCA_BENCH_PARTICIPANTS ?? 200);
const DIMENSIONS = 6;
const STATEMENTS_PER_DIMENSION = 10;
const RUNS = Number(process.env.DGCA_BENCH_RUNS ?? 50);
const ADMIN = { email: 'admin@demo.archipelago.local', password: 'demo-admin-password' };
const KEYS = [
  'leadership',
  'strategy',
  'governance',
  'legal-framework',
  'technology',
  'workforce-development',
];

// pg is the API's dependency, not the scripts': load it from there.
const pg = createRequire(join(ROOT, 'apps/api/package.json'))('pg');

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];

/** The version, the assessment in its consensus round, its participants, ratings and half the consensus. */
async function seed(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const scale = [1, 2, 3, 4, 5].map((value) => ({ value, label: `Level ${value}`, description: '' }));
    const framework = (
      await client.query(`INSERT INTO dgca_framework (name) VALUES ($1) RETURNING id`, [
        `Benchmark framework ${Date.now()}`,
      ])
    ).rows[0].id;
    const versionId = (
      await client.query(
        `INSERT INTO dgca_framework_version (framework_id, number, status, scale, published_at)
         VALUES ($1, 1, 'published', $2::jsonb, now()) RETURNING id`,
        [framework, JSON.stringify(scale)],
      )
    ).rows[0].id;
    await client.query(
      `WITH d AS (
         INSERT INTO dgca_dimension (version_id, key, position, name)
         SELECT $1, key, position - 1, initcap(replace(key, '-', ' '))
           FROM unnest($2::text[]) WITH ORDINALITY AS k(key, position)
         RETURNING id)
       INSERT INTO dgca_statement (dimension_id, position, text)
       SELECT d.id, s, 'Statement ' || s || ' of ' || d.id FROM d, generate_series(0, $3 - 1) s`,
      [versionId, KEYS.slice(0, DIMENSIONS), STATEMENTS_PER_DIMENSION],
    );
    const institutionId = (await client.query(`SELECT id FROM institution ORDER BY created_at LIMIT 1`))
      .rows[0].id;
    const assessmentId = (
      await client.query(
        `INSERT INTO dgca_assessment (version_id, institution_id, subject, country, title, status,
                                      individual_opened_at, consensus_opened_at)
         VALUES ($1, $2, 'country', 'LC', 'Benchmark assessment', 'consensus', now(), now()) RETURNING id`,
        [versionId, institutionId],
      )
    ).rows[0].id;
    // Participants whose accounts are gone (user_id NULL): the profile never reads accounts.
    await client.query(
      `INSERT INTO dgca_participant (assessment_id, submitted_at) SELECT $1, now() FROM generate_series(1, $2)`,
      [assessmentId, PARTICIPANTS],
    );
    const ratings = await client.query(
      `INSERT INTO dgca_rating (participant_id, statement_id, value, comment, evidence_url)
       SELECT p.id, s.id,
              CASE WHEN random() < 0.06 THEN NULL ELSE 1 + floor(random() * 5)::int END,
              CASE WHEN random() < 0.08 THEN 'A comment of about this length, ' || md5(random()::text) END,
              CASE WHEN random() < 0.03 THEN 'https://example.org/evidence/' || md5(random()::text) END
         FROM dgca_participant p
         CROSS JOIN dgca_statement s JOIN dgca_dimension d ON d.id = s.dimension_id
        WHERE p.assessment_id = $1 AND d.version_id = $2`,
      [assessmentId, versionId],
    );
    await client.query(
      `INSERT INTO dgca_consensus (assessment_id, statement_id, value, notes)
       SELECT $1, s.id, 1 + floor(random() * 5)::int, 'Agreed in the workshop'
         FROM dgca_statement s JOIN dgca_dimension d ON d.id = s.dimension_id
        WHERE d.version_id = $2 AND s.position % 2 = 0`,
      [assessmentId, versionId],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE dgca_rating; ANALYZE dgca_participant; ANALYZE dgca_consensus');
    return { assessmentId, ratings: ratings.rowCount };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** Times RUNS requests one after another (three more first, to warm up); every answer must be 200. */
async function timed(person, path) {
  const times = [];
  let bytes = 0;
  for (let i = -3; i < RUNS; i += 1) {
    const started = performance.now();
    const answer = await person.request('GET', path);
    const body = await answer.text();
    if (!answer.ok) throw new Error(`GET ${path}: ${answer.status} ${body.slice(0, 300)}`);
    if (i >= 0) times.push(performance.now() - started);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  return { count: RUNS, bytes, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) };
}

export async function measureDgca(port, databaseUrl) {
  const base = `http://127.0.0.1:${port}`;
  const seedStarted = performance.now();
  const seeded = await seed(databaseUrl);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const admin = await session(base, ADMIN);
  const path = `/api/studio/dgca/assessments/${seeded.assessmentId}`;
  const results = [];
  for (const [name, route] of [
    ['GET results', `${path}/results`],
    ['GET consensus', `${path}/consensus`],
    ['GET results.csv', `${path}/results.csv`],
  ])
    results.push({ name, ...(await timed(admin, route)) });
  return { seeded, seedSeconds, results };
}

/** The DGCA rows of the benchmark's table. */
export function dgcaRows(run) {
  return [
    [
      `DGCA assessment: participants × statements / ratings (seeded in ${run.seedSeconds.toFixed(1)} s)`,
      `${PARTICIPANTS} × ${DIMENSIONS * STATEMENTS_PER_DIMENSION} / ${run.seeded.ratings.toLocaleString('en')}`,
      '200 × 60',
    ],
    ...run.results.map((result) => [
      `DGCA ${result.name} (${(result.bytes / 1024).toFixed(0)} kB), ${result.count} one after another: p50 / p95 / max`,
      `${result.p50.toFixed(0)} / ${result.p95.toFixed(0)} / ${result.max.toFixed(0)} ms`,
      result.name === 'GET results.csv' ? '—' : 'p95 < 300 ms',
    ]),
  ];
}

/** On its own: the built API on a fresh embedded PostgreSQL with the demo data, then the table. */
async function standalone() {
  const dataDir = mkdtempSync(join(tmpdir(), 'archipelago-bench-dgca-'));
  const api = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      SEED_DEMO_DATA: 'true',
      NODE_OPTIONS: '--max-old-space-size=160 --max-semi-space-size=8',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise((ready, fail) => {
      // Read until the API says where it listens; after that the logs are only drained.
      let output = '';
      api.stdout.on('data', (chunk) => {
        if (output === null) return;
        output += chunk.toString();
        const match = /"port":(\d+)[^\n]*listening/.exec(output);
        if (!match) return;
        output = null;
        ready(Number(match[1]));
      });
      api.once('exit', (code) => fail(new Error(`API exited with ${code}`)));
    });
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const { user, password } = JSON.parse(readFileSync(join(dataDir, 'postgres.credentials.json'), 'utf8'));
    const pgPort = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
      .split('\n')[3]
      .trim();
    const run = await measureDgca(
      port,
      `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/archipelago`,
    );
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}\n`,
    );
    console.log('| measure | result | budget |\n|---|---|---|');
    for (const row of dgcaRows(run)) console.log(`| ${row.join(' | ')} |`);
  } finally {
    api.kill('SIGTERM');
    await once(api, 'exit').catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await standalone();

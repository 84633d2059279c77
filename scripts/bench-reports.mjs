// The reports budget, for `pnpm bench` (scripts/bench.mjs, alone with `--reports`), on a seeded API
// started for it: scripts/generate-report-data.mjs puts 100,000 enrolments and 2,000,000
// activity_progress rows into its database; the first report waits for the facts to be built
// (timed: the background rebuild's cost); then each report endpoint is asked one request after
// another, rotating through disaggregations, periods and filters, as the platform admin and as the
// demo institution admin (whose scope is forced). Budget: p95 under 500 ms per report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generateReportData } from './generate-report-data.mjs';
import { session } from './lib/bench-people.mjs';
import { ROOT } from './lib/run.mjs';

const ENROLMENTS = Number(process.env.REPORTS_BENCH_ENROLMENTS ?? 100_000);
const PROGRESS_ROWS = Number(process.env.REPORTS_BENCH_PROGRESS_ROWS ?? ENROLMENTS * 20);
const REQUESTS = Number(process.env.REPORTS_BENCH_REQUESTS ?? 40);
const ADMIN = { email: 'admin@demo.archipelago.local', password: 'demo-admin-password' };
const INSTITUTION_ADMIN = {
  email: 'institution-admin@demo.archipelago.local',
  password: 'demo-institution-password',
};
const DISAGGREGATIONS = ['none', 'sex', 'age_band', 'disability', 'island_region'];

const pg = createRequire(join(ROOT, 'apps/api/package.json'))('pg');

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
const monthsAgo = (n) => {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - n);
  return date.toISOString().slice(0, 7);
};

const rssMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** Times `count` requests one after another, the i-th with `queryOf(i)`; every answer must be 200. */
async function timed(person, path, count, queryOf) {
  const times = [];
  for (let i = -3; i < count; i += 1) {
    const query = new URLSearchParams(queryOf(Math.max(i, 0))).toString();
    const started = performance.now();
    const answer = await person.request('GET', `${path}?${query}`);
    const body = await answer.text();
    if (!answer.ok) throw new Error(`GET ${path}?${query}: ${answer.status} ${body.slice(0, 300)}`);
    if (i >= 0) times.push(performance.now() - started); // the first three warm up
  }
  times.sort((a, b) => a - b);
  return { count, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) };
}

export async function measureReports(port, apiPid, databaseUrl) {
  const base = `http://127.0.0.1:${port}`;
  const seedStarted = performance.now();
  const seeded = await generateReportData(databaseUrl, {
    enrolments: ENROLMENTS,
    progressRows: PROGRESS_ROWS,
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const admin = await session(base, ADMIN);
  const institutionAdmin = await session(base, INSTITUTION_ADMIN);

  // No facts yet: the first report builds them and waits.
  const firstStarted = performance.now();
  const first = await admin.call('GET', '/api/studio/reports/breakdown?by=institution');
  const firstMs = performance.now() - firstStarted;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rebuild = (await client.query(`SELECT duration_ms FROM report_refresh`)).rows[0].duration_ms;
  const facts = (await client.query(`SELECT count(*)::int AS n FROM report_fact`)).rows[0].n;
  await client.end();

  const institutions = first.groups.map((group) => group.key);
  const periods = [{}, { from: monthsAgo(6) }, { from: monthsAgo(12), to: monthsAgo(1) }];
  const filters = [
    {},
    { country: 'LC' },
    { institutionId: institutions[1] ?? institutions[0] },
    { country: 'JM' },
  ];
  const variant = (i, extra = {}) => ({
    disaggregate: DISAGGREGATIONS[i % DISAGGREGATIONS.length],
    ...periods[i % periods.length],
    ...filters[Math.floor(i / 3) % filters.length],
    ...extra,
  });

  const results = [];
  results.push({
    name: 'GET /api/studio/reports/summary',
    ...(await timed(admin, '/api/studio/reports/summary', REQUESTS, (i) => {
      const { disaggregate: _none, ...query } = variant(i);
      return query;
    })),
  });
  for (const by of ['country', 'institution', 'cohort', 'department', 'course', 'month']) {
    results.push({
      name: `GET /api/studio/reports/breakdown?by=${by}`,
      ...(await timed(admin, '/api/studio/reports/breakdown', REQUESTS, (i) => variant(i, { by }))),
    });
  }
  results.push({
    name: 'GET /api/studio/reports/breakdown.csv?by=course',
    ...(await timed(admin, '/api/studio/reports/breakdown.csv', REQUESTS, (i) =>
      variant(i, { by: 'course' }),
    )),
  });
  results.push({
    name: 'GET /api/studio/reports/breakdown?by=cohort as an institution admin (scope forced)',
    ...(await timed(institutionAdmin, '/api/studio/reports/breakdown', REQUESTS, (i) => {
      const { institutionId: _forced, ...query } = variant(i, { by: 'cohort' });
      return query;
    })),
  });
  return { seeded, seedSeconds, firstMs, rebuild, facts, results, rssMb: rssMb(apiPid) };
}

/** The reports rows of the benchmark's table. */
export function reportRows(run) {
  return [
    [
      `Report data: enrolments / activity_progress rows / reporting profiles (seeded in ${run.seedSeconds.toFixed(0)} s)`,
      `${run.seeded.enrolments.toLocaleString('en')} / ${run.seeded.progressRows.toLocaleString('en')} / ${run.seeded.profiles.toLocaleString('en')}`,
      '100,000 / 2,000,000 / —',
    ],
    [
      `Building report_fact (${run.facts.toLocaleString('en')} rows, background, every 5 minutes): rebuild / first report waiting for it`,
      `${(run.rebuild / 1000).toFixed(1)} s / ${(run.firstMs / 1000).toFixed(1)} s`,
      '—',
    ],
    ...run.results.map((result) => [
      `${result.name}, ${result.count} one after another (disaggregations, periods, filters in turn): p50 / p95 / max`,
      `${result.p50.toFixed(0)} / ${result.p95.toFixed(0)} / ${result.max.toFixed(0)} ms`,
      'p95 < 500 ms',
    ]),
    ['API resident memory after the reports', `${run.rssMb.toFixed(0)} MB`, '< 200 MB'],
  ];
}

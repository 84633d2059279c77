// The bulk enrolment budgets, for `pnpm bench -- --imports` (scripts/bench.mjs), on a seeded API
// started for it. ROWS people in one CSV (UTF-8 with a BOM, semicolons, names with accents,
// countries by name in three languages, reporting fields), of whom EXISTING already have an
// account (put straight into the database — the seeding is not what is measured). The demo
// institution admin makes a cohort with one of the institution's published courses, uploads the
// file and polls until the preview is ready, then confirms and polls until it is applied (one
// transaction: everyone invited or enrolled); the mails go after that and are timed apart.
// Meanwhile the API's resident memory is sampled every 50 ms.
// Budgets: preview < 5 s, confirm < 15 s, API RSS < 300 MB.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './lib/run.mjs';
import { session } from './lib/bench-people.mjs';

const ROWS = Number(process.env.ENROLMENT_IMPORT_BENCH_ROWS ?? 10_000);
const EXISTING = Math.floor(ROWS / 5);
const TIMEOUT_MS = 10 * 60_000;
const INSTITUTION_ADMIN = {
  email: 'institution-admin@demo.archipelago.local',
  password: 'demo-institution-password',
};

// pg is the API's dependency, not the scripts': load it from there.
const pg = createRequire(join(ROOT, 'apps/api/package.json'))('pg');

const rssMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const COUNTRIES = [
  'Fiji',
  'Fiyi',
  'Haïti',
  'Jamaica',
  'República Dominicana',
  'Sainte-Lucie',
  'Samoa',
  'TT',
  'Maurice',
  'Cabo Verde',
];
const SEXES = ['female', 'male', 'Mujer', 'homme', 'prefer not to say', ''];
const AGES = ['under_25', '25-34', '35_44', '45 à 54', '55_64', '65+', ''];
const LANGUAGES = ['en', 'es', 'fr', ''];

/** The file, as Excel writes "CSV UTF-8" with a semicolon list separator. */
function enrolmentCsv(tag) {
  const lines = [
    '\ufeffEmail;Given name;Family name;Country;Ministry or department;Job title;Language;Sex;Age band;Island or region',
  ];
  for (let n = 0; n < ROWS; n += 1) {
    const who = n < EXISTING ? `bench-existing-${tag}-${n}` : `bench-new-${tag}-${n}`;
    lines.push(
      [
        `${who}@example.org`,
        `Ánh ${n}`,
        `"Nguyễn; Łukasiewicz"`,
        COUNTRIES[n % COUNTRIES.length],
        `Ministry of Finance, unit ${n % 40}`,
        'Budget officer',
        LANGUAGES[n % LANGUAGES.length],
        SEXES[n % SEXES.length],
        AGES[n % AGES.length],
        n % 3 === 0 ? 'Viti Levu' : '',
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function seedExisting(databaseUrl, tag) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO user_account (email, display_name, password_hash)
       SELECT 'bench-existing-' || $1 || '-' || n || '@example.org', 'Existing learner ' || n, 'not-a-password-hash'
         FROM generate_series(0, $2 - 1) AS n`,
      [tag, EXISTING],
    );
  } finally {
    await client.end();
  }
}

async function outboxCount(databaseUrl, tag) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM mail_message WHERE recipient LIKE 'bench-%-' || $1 || '-%'`,
      [tag],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

async function until(admin, id, busy, started) {
  for (;;) {
    const view = await admin.call('GET', `/api/studio/enrolment-imports/${id}`);
    if (!busy.includes(view.status)) return view;
    if (performance.now() - started > TIMEOUT_MS) throw new Error(`import ${id} still ${view.status}`);
    await sleep(100);
  }
}

export async function measureEnrolmentImport(port, apiPid, databaseUrl) {
  const base = `http://127.0.0.1:${port}`;
  const admin = await session(base, INSTITUTION_ADMIN);
  const me = await admin.call('GET', '/api/me');
  const institutionId = me.memberships.find((m) => m.role === 'institution_admin').institutionId;
  const courses = await admin.call('GET', `/api/studio/courses?status=published&pageSize=100`);
  const course = courses.items.find((c) => (c.institution?.id ?? c.institutionId) === institutionId);
  const cohort = await admin.call('POST', '/api/studio/cohorts', {
    institutionId,
    name: `Benchmark cohort ${Date.now().toString(36)}`,
    courseIds: course ? [course.id] : [],
    facilitatorIds: [],
  });
  const tag = Date.now().toString(36);
  await seedExisting(databaseUrl, tag);
  const file = Buffer.from(enrolmentCsv(tag), 'utf8');

  const baselineMb = rssMb(apiPid);
  let peakMb = baselineMb;
  let phase = 'preview';
  const phasePeaks = { preview: baselineMb, confirm: 0, mails: 0 };
  const sampler = setInterval(() => {
    const now = rssMb(apiPid);
    peakMb = Math.max(peakMb, now);
    phasePeaks[phase] = Math.max(phasePeaks[phase], now);
  }, 50);
  try {
    const form = new FormData();
    form.append('language', 'en');
    form.append('file', new Blob([file], { type: 'text/csv' }), 'people.csv');
    const previewStarted = performance.now();
    const uploaded = await fetch(`${base}/api/studio/cohorts/${cohort.id}/enrolment-imports`, {
      method: 'POST',
      headers: admin.headers,
      body: form,
    });
    if (uploaded.status !== 201 && uploaded.status !== 202)
      throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    const { id } = await uploaded.json();
    const preview = await until(admin, id, ['validating'], previewStarted);
    const previewSeconds = (performance.now() - previewStarted) / 1000;

    phase = 'confirm';
    const confirmStarted = performance.now();
    await admin.call('POST', `/api/studio/enrolment-imports/${id}/confirm`, { reportingConsent: true });
    const applied = await until(admin, id, ['applying'], confirmStarted);
    const confirmSeconds = (performance.now() - confirmStarted) / 1000;
    phase = 'mails';
    const mailsStarted = performance.now();
    let mails = 0;
    while (mails < ROWS && performance.now() - mailsStarted < TIMEOUT_MS) {
      mails = await outboxCount(databaseUrl, tag);
      if (mails < ROWS) await sleep(250);
    }
    return {
      rows: ROWS,
      bytes: file.length,
      existing: EXISTING,
      preview,
      applied,
      previewSeconds,
      confirmSeconds,
      mailSeconds: (performance.now() - mailsStarted) / 1000 + confirmSeconds,
      mails,
      baselineMb,
      peakMb: Math.max(peakMb, rssMb(apiPid)),
      phasePeaks,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The bulk enrolment rows of the benchmark's table. */
export function enrolmentImportRows(run) {
  const c = run.preview.counts;
  return [
    [
      `Enrolment CSV of ${run.rows.toLocaleString('en')} rows (${(run.bytes / 1024 / 1024).toFixed(1)} MB): upload to preview ready`,
      `${run.previewSeconds.toFixed(1)} s; ${run.preview.status}, ${c.newAccounts} new / ${c.existingAccounts} existing / ${c.alreadyEnrolled} already / ${c.invalid} invalid`,
      '< 5 s',
    ],
    [
      'Confirming it (one transaction): to applied',
      `${run.confirmSeconds.toFixed(1)} s; ${run.applied.status}, ${run.applied.result?.invited} invited, ${run.applied.result?.enrolled} enrolled`,
      '< 15 s',
    ],
    [
      'Its invitation and enrolment mails in the outbox (after the commit; from confirming)',
      `${run.mailSeconds.toFixed(1)} s for ${run.mails.toLocaleString('en')}`,
      'noted',
    ],
    [
      'API resident memory during the import: peak (before)',
      `${run.peakMb.toFixed(0)} MB (${run.baselineMb.toFixed(0)} MB); preview ${run.phasePeaks.preview.toFixed(0)}, confirm ${run.phasePeaks.confirm.toFixed(0)}, mails ${run.phasePeaks.mails.toFixed(0)} MB`,
      '< 300 MB',
    ],
  ];
}

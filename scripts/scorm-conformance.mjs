// `node scripts/scorm-conformance.mjs`: SCORM conformance against the shared corpus — real packages
// nobody on this project wrote (`../shared/scorm-corpus` from the project root, or
// $SCORM_CORPUS_DIR; read, never copied into the repository). Needs a build (API, learner app,
// packages/testing) and Debian's Chromium.
//
// On the built system (a fresh seeded database, as the browser tests run it), for each package:
//   - the demo trainer uploads it into a SCORM activity through the API: invalid ones must be
//     refused with the expected problem code, whose trainer-facing sentence is printed;
//   - each valid one is published in a course of its own and played in Chromium by a learner through
//     the learner app's player: launched, navigated with the SCO's own buttons, left halfway by
//     closing the page, relaunched (it must resume: entry=resume and the bookmark restored, read
//     through the trainer's route and from the SCO's own page), and finished (quiz answered) —
//     the activity must then be completed. The forced-sequential 2004 package is taken SCO by SCO:
//     the later SCOs must be disabled until the earlier ones are done, and the course completes
//     after the last.
// Prints a table; exits non-zero on any failure.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { launchBrowser, startSystem } from '../packages/testing/dist/index.js';
import { newLearner, session, TRAINER } from './lib/bench-people.mjs';
import { scormCorpusDir } from './lib/scorm-corpus.mjs';
import { playPackage } from './lib/scorm-player-driver.mjs';
import { createScormCourse, publishCourse, uploadPackage } from './lib/scorm-setup.mjs';

/** The problem code each invalid package of the corpus must be refused with, by file name. */
const EXPECTED_REFUSALS = [
  [/^MalformedXml/i, 'manifest-not-well-formed'],
  [/^MissingLaunchUrl/i, 'sco-without-href'],
];

const corpus = scormCorpusDir();
if (!existsSync(corpus)) {
  console.log(`SCORM conformance skipped: the corpus folder ${corpus} is absent.`);
  process.exit(0);
}
const zipsIn = (folder) =>
  existsSync(join(corpus, folder))
    ? readdirSync(join(corpus, folder))
        .filter((name) => name.endsWith('.zip'))
        .sort()
        .map((name) => join(corpus, folder, name))
    : [];
const valid = zipsIn('valid');
const invalid = zipsIn('invalid');
if (valid.length + invalid.length === 0) {
  console.error(`SCORM conformance: no zip files under ${corpus}/valid or ${corpus}/invalid.`);
  process.exit(1);
}

const started = performance.now();
const dataDir = mkdtempSync(join(tmpdir(), 'archipelago-scorm-conformance-'));
const rows = [];
let system;
let browser;
try {
  system = await startSystem({ DATA_DIR: dataDir });
  const base = system.baseUrl;
  const trainer = await session(base, TRAINER);

  // Refusals: one draft course, never published, holds an activity per invalid package.
  if (invalid.length > 0) {
    const drafts = await createScormCourse(
      trainer,
      'SCORM conformance refusals',
      invalid.map((zip) => basename(zip, '.zip')),
    );
    for (const [i, zip] of invalid.entries())
      rows.push(await checkRefusal(base, trainer, drafts.activityIds[i], zip));
  }

  // Valid packages: a published course each, and one learner enrolled in all of them.
  const courses = [];
  for (const zip of valid) {
    const name = basename(zip, '.zip');
    const course = await createScormCourse(trainer, `Conformance ${name}`, [name]);
    const upload = await uploadPackage(base, trainer, course.activityIds[0], zip);
    const row = { name, version: '?', imported: '', played: '—', resumed: '—', completed: '—', failures: [] };
    rows.push(row);
    if (upload.status !== 201) {
      row.imported = `refused ${upload.status}`;
      row.failures.push(`import refused: ${JSON.stringify(upload.body).slice(0, 400)}`);
      continue;
    }
    row.version = upload.body.scormVersion;
    const warnings = upload.body.warnings?.length ?? 0;
    row.imported = `ok (${upload.body.fileCount} files${warnings ? `, ${warnings} warnings` : ''})`;
    try {
      await publishCourse(trainer, course.id, 'Conformance run');
    } catch (error) {
      row.failures.push(`publish: ${error.message}`);
      continue;
    }
    courses.push({ row, course, activityId: course.activityIds[0], packageView: upload.body });
  }
  if (courses.length > 0) {
    const learner = await newLearner(base, 'scorm-conformance', 0);
    const me = await learner.call('GET', '/api/me');
    for (const { course } of courses) await learner.call('POST', `/api/courses/${course.slug}/enrolment`);
    browser = await launchBrowser();
    for (const entry of courses) {
      const { row } = entry;
      try {
        await withTimeout(
          playPackage({ base, browser, trainer, learner, userId: me.user.id, ...entry }),
          Number(process.env.CONFORMANCE_PACKAGE_TIMEOUT_MS ?? 90_000),
          'playing it took too long',
        );
      } catch (error) {
        row.failures.push(error.message.split('\n')[0]);
      }
    }
  }
} catch (error) {
  rows.push({
    name: '(set-up)',
    version: '',
    imported: 'failed',
    played: '',
    resumed: '',
    completed: '',
    failures: [error.stack ?? String(error)],
  });
  if (system)
    console.error(
      system.logs
        .filter((line) => /"level":(50|60)/.test(line))
        .slice(-10)
        .join('\n'),
    );
} finally {
  await browser?.close().catch(() => undefined);
  await system?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

printTable(rows);
const failed = rows.filter((row) => row.failures.length > 0);
console.log(
  `\n${rows.length - failed.length} of ${rows.length} packages conform (${((performance.now() - started) / 1000).toFixed(0)} s).`,
);
process.exit(failed.length > 0 ? 1 : 0);

async function checkRefusal(base, trainer, activityId, zip) {
  const name = basename(zip, '.zip');
  const row = {
    name,
    version: '(invalid)',
    imported: '',
    played: '—',
    resumed: '—',
    completed: '—',
    failures: [],
  };
  const expected = EXPECTED_REFUSALS.find(([pattern]) => pattern.test(name))?.[1];
  const upload = await uploadPackage(base, trainer, activityId, zip);
  const problems = Array.isArray(upload.body?.problems) ? upload.body.problems : [];
  const codes = problems.map((p) => p.code);
  const errors = problems.filter((p) => p.severity !== 'warning').map((p) => p.code);
  const warnings = codes.length - errors.length;
  row.imported =
    upload.status === 422
      ? `refused: ${errors.join(', ') || upload.body?.code || '?'}${warnings ? ` (+${warnings} warnings)` : ''}`
      : `${upload.status}`;
  if (upload.status !== 422) row.failures.push(`expected 422, got ${upload.status}`);
  else if (expected && !codes.includes(expected))
    row.failures.push(
      `expected the problem ${expected}, got ${codes.join(', ') || JSON.stringify(upload.body)}`,
    );
  const shown = problems.find((p) => p.code === expected) ?? problems[0];
  row.notes = [`trainer reads: ${shown?.detail ?? upload.body?.detail ?? JSON.stringify(upload.body)}`];
  const draft = await trainer.call('GET', `/api/studio/scorm/${activityId}`).catch((error) => ({ error }));
  if (draft.error) row.failures.push(`GET /api/studio/scorm/${activityId}: ${draft.error.message}`);
  else if (draft.package !== null) row.failures.push('a refused upload left a package on the activity');
  return row;
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${message} (over ${ms / 1000} s)`)), ms);
    }),
  ]);
}

function printTable(table) {
  const header = ['package', 'version', 'import', 'played', 'resumed', 'completed'];
  const cells = table.map((row) => [
    row.name,
    row.version,
    row.imported,
    row.played,
    row.resumed,
    row.completed,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (values) => `| ${values.map((v, i) => String(v).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
  for (const row of table) {
    for (const note of row.notes ?? []) console.log(`  ${row.name}: ${note}`);
    for (const failure of row.failures) console.log(`  ✗ ${row.name}: ${failure}`);
  }
}

// `npm test`: the whole suite — formatting, lint, types, build, generated-client drift, bundle
// budgets, translations, API tests against PostgreSQL and browser tests in Chromium. Runs every
// check even after a failure, then ends with one line: "N passed, N failed".
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pnpm, run } from './lib/run.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { scormCorpusDir } from './lib/scorm-corpus.mjs';

let passed = 0;
let failed = 0;
const failures = [];
const reports = mkdtempSync(join(tmpdir(), 'archipelago-test-'));

async function check(label, runner) {
  console.log(`\n▸ ${label}`);
  const code = await runner();
  if (code === 0) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
  return code === 0;
}

/** Runs a jest suite and counts its tests (not just the command) in the totals. */
async function jestSuite(label, filter, script) {
  console.log(`\n▸ ${label}`);
  const output = join(reports, `${filter.replace(/\W/g, '_')}.json`);
  const code = await pnpm(['--filter', filter, 'run', script, '--json', `--outputFile=${output}`]);
  if (!existsSync(output)) {
    failed += 1;
    failures.push(`${label} (did not run)`);
    return;
  }
  const result = JSON.parse(readFileSync(output, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
  if (result.numTotalTests === 0) {
    failed += 1;
    failures.push(`${label} (no tests ran)`);
  } else if (code !== 0 || !result.success) failures.push(label);
}

const installed = await check('Install (frozen lockfile)', () => pnpm(['install', '--frozen-lockfile']));
if (!installed) finish();
await check('Formatting (prettier)', () => pnpm(['exec', 'prettier', '--check', '.', '--log-level', 'warn']));
await check('Lint (eslint)', () => pnpm(['exec', 'eslint', '.', '--max-warnings', '0']));
const built = await check('Build', () =>
  pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']),
);
await check('Types (tsc)', () => pnpm(['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']));
if (built) {
  await check('Typed API client matches the API', () =>
    pnpm(['--filter', '@archipelago/api-client', 'run', 'check']),
  );
  await check('Bundle budgets', () => run(process.execPath, ['scripts/check-bundle-budget.mjs']));
}
await check('Translations complete (en, es, fr)', () =>
  pnpm(['--filter', '@archipelago/ui', 'run', 'check:locales']),
);
await check('Course content loads and is complete (node:test)', () =>
  pnpm(['--filter', '@archipelago/content', 'run', 'test']),
);
if (built) {
  await jestSuite('API tests (jest, real PostgreSQL)', '@archipelago/api', 'test');
  if (await ensureChromium()) {
    await jestSuite('Browser tests: learner app (Chromium + axe-core)', '@archipelago/learner', 'e2e');
    await jestSuite('Browser tests: authoring app (Chromium + axe-core)', '@archipelago/authoring', 'e2e');
    // Real packages nobody on this project wrote, kept outside the repository: run when they are there.
    const corpus = scormCorpusDir();
    if (existsSync(corpus)) {
      await check('SCORM conformance (shared corpus)', () =>
        run(process.execPath, ['scripts/scorm-conformance.mjs']),
      );
    } else console.log(`\n▸ SCORM conformance (shared corpus): skipped, the folder ${corpus} is absent`);
  } else {
    failed += 1;
    failures.push('Browser tests (no Chromium)');
  }
}
finish();

function finish() {
  if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

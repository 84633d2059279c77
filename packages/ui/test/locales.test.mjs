// Keeps `node --test test/` meaningful for this source-only package: a missing or empty
// translation in the kit or either app fails the test run, not only the separate locale check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('en, es and fr have the same keys and no empty strings', () => {
  const script = fileURLToPath(new URL('../scripts/check-locales.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

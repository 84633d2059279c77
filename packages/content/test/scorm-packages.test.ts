import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scormPackageDir } from '../src/index.js';

test('finds the shipped SCORM package by name, with its manifest and every file it lists', () => {
  const dir = scormPackageDir('digital-service-check');
  const manifest = readFileSync(path.join(dir, 'imsmanifest.xml'), 'utf8');
  assert.match(manifest, /<schemaversion>2004 3rd Edition<\/schemaversion>/);
  const files = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]!);
  assert.deepEqual(files.sort(), ['check.html', 'guide.html', 'shared/sco.css', 'shared/sco.js']);
  for (const file of files) assert.ok(existsSync(path.join(dir, file)), `${file} is shipped`);
});

test('refuses a name that is not a shipped package', () => {
  assert.throws(() => scormPackageDir('../courses'), /not the name of a SCORM package/);
  assert.throws(() => scormPackageDir('no-such-package'), /no SCORM package "no-such-package"/);
});

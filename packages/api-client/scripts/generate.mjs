// Regenerates the typed client from the API's OpenAPI document:
//   openapi.json  — the document, written by the built API without a database
//   src/schema.ts — its TypeScript types, written by openapi-typescript
// With --check, writes nothing and exits 1 when the committed files differ from what the API says.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(here, '../../apps/api/dist/openapi/openapi.cli.js');
const check = process.argv.includes('--check');

if (!existsSync(cli)) {
  console.error('api-client: build the API first (pnpm --filter @archipelago/api build)');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'api-client-'));
const documentFile = join(work, 'openapi.json');
const schemaFile = join(work, 'schema.ts');
execFileSync(process.execPath, [cli, documentFile], { stdio: 'inherit' });
execFileSync(
  process.execPath,
  [
    resolve(here, 'node_modules/openapi-typescript/bin/cli.js'),
    documentFile,
    '-o',
    schemaFile,
    '--root-types',
    '--alphabetize',
    '--enum-values',
  ],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const header =
  '// Generated from the API by `pnpm --filter @archipelago/api-client generate`. Do not edit.\n';
const outputs = {
  'openapi.json': readFileSync(documentFile, 'utf8'),
  'src/schema.ts': header + readFileSync(schemaFile, 'utf8'),
};

let stale = [];
for (const [file, content] of Object.entries(outputs)) {
  const target = join(here, file);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current === content) continue;
  if (check) stale.push(file);
  else writeFileSync(target, content);
}
if (stale.length > 0) {
  console.error(
    `api-client: ${stale.join(', ')} out of date with the API; run pnpm --filter @archipelago/api-client generate and commit.`,
  );
  process.exit(1);
}
console.log(check ? 'api-client: up to date with the API' : 'api-client: generated');

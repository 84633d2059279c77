#!/usr/bin/env node
// Checks that every language has exactly the same keys as English, with no empty strings, for the
// UI kit, both apps and the API's e-mails, and that every literal key passed to t('…') in their source exists in
// English. A missing translation would otherwise show a raw key to a learner.
// Usage: node scripts/check-locales.mjs   (exit 1 and a list of problems when anything is off)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const LANGUAGES = ['en', 'es', 'fr'];
const REFERENCE = 'en';
// The API's e-mail templates and the labels it renders around lesson text are user-visible too.
const LOCALE_DIRS = [
  'packages/ui/src/locales',
  'apps/learner/src/locales',
  'apps/authoring/src/locales',
  'apps/api/src/notifications/locales',
  'apps/api/src/lessons/locales',
];

/** Flattens {a: {b: "x"}} into Map { "a.b" => "x" }. */
function flatten(value, prefix = '', out = new Map()) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const problems = [];

// i18next plural forms: t('k', { count }) reads k_one, k_other…; Spanish and French also have k_many.
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;
/** A key written for t('k'), directly or as a plural family (k_other is the form every language has). */
const hasKey = (strings, key) => strings.has(key) || strings.has(`${key}_other`);
/** A plural form this language needs beyond English's (Spanish and French k_many), of a family English has. */
const isOwnPluralForm = (key, reference) =>
  PLURAL_FORM.test(key) && reference.has(`${key.replace(PLURAL_FORM, '')}_other`);

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Namespaces loaded with the pages that need them: a folder per namespace beside the main files
 * (e.g. apps/learner/src/locales/certificates/en.json), whose keys the source writes as t('certificates:a.b').
 */
function namespaceDirs(dir) {
  const path = join(repoRoot, dir);
  if (!existsSync(path)) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(path, entry.name, `${REFERENCE}.json`)))
    .map((entry) => entry.name);
}

/** Literal keys in t('a.b') calls; template-literal keys are dynamic and checked by hand. */
function usedKeys(dir) {
  const keys = [];
  for (const file of sourceFiles(dir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) {
      keys.push({ key: match[1], file: relative(repoRoot, file) });
    }
  }
  return keys;
}

/** Reads the languages' files of one set of strings; each language flattened, or absent when unreadable. */
function readSet(dir) {
  const files = Object.fromEntries(
    LANGUAGES.map((language) => [language, join(repoRoot, dir, `${language}.json`)]),
  );
  const flat = {};
  for (const [language, file] of Object.entries(files)) {
    if (!existsSync(file)) {
      problems.push(`${relative(repoRoot, file)}: file missing`);
      continue;
    }
    try {
      flat[language] = flatten(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      problems.push(`${relative(repoRoot, file)}: not valid JSON (${error.message})`);
    }
  }
  return { files, flat };
}

/** Every language has exactly English's keys (plus its own plural forms), all non-empty strings. */
function compareLanguages({ files, flat }) {
  const reference = flat[REFERENCE];
  if (!reference) return;
  for (const language of LANGUAGES) {
    const strings = flat[language];
    if (!strings) continue;
    const where = relative(repoRoot, files[language]);
    for (const key of reference.keys()) {
      if (!strings.has(key)) problems.push(`${where}: missing key "${key}"`);
    }
    for (const [key, value] of strings) {
      if (!reference.has(key) && !isOwnPluralForm(key, reference))
        problems.push(`${where}: extra key "${key}" (not in ${REFERENCE}.json)`);
      if (typeof value !== 'string') problems.push(`${where}: "${key}" is not a string`);
      else if (value.trim() === '') problems.push(`${where}: "${key}" is empty`);
    }
  }
}

for (const dir of LOCALE_DIRS) {
  const main = readSet(dir);
  const namespaces = new Map(namespaceDirs(dir).map((name) => [name, readSet(join(dir, name))]));
  compareLanguages(main);
  for (const set of namespaces.values()) compareLanguages(set);
  if (!main.flat[REFERENCE]) continue;
  for (const { key, file } of usedKeys(join(repoRoot, dir, '..'))) {
    const [, namespace, inNamespace] = /^([a-z][\w-]*):(.+)$/.exec(key) ?? [];
    const set = namespace ? namespaces.get(namespace) : undefined;
    if (set) {
      if (set.flat[REFERENCE] && !hasKey(set.flat[REFERENCE], inNamespace))
        problems.push(`${file}: t('${key}') has no string in ${dir}/${namespace}/${REFERENCE}.json`);
    } else if (!hasKey(main.flat[REFERENCE], key)) {
      problems.push(`${file}: t('${key}') has no string in ${dir}/${REFERENCE}.json`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Locale check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(
  `Locale check passed: ${LOCALE_DIRS.length} sets (and their namespaces) × ${LANGUAGES.length} languages.`,
);

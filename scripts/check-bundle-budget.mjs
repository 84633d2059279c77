#!/usr/bin/env node
// Checks the JavaScript a first-time visitor downloads before the first page is usable, per app,
// against a gzip budget. Run after `vite build` of apps/learner and apps/authoring.
//
// Method: a first visit loads (1) the entry <script type="module"> and every
// <link rel="modulepreload"> in dist/index.html, then (2) before the first render, the current
// language's translation chunks (English: the app's src/locales/en.json and the UI kit's
// locales/en.json, dynamic imports), and (3) the lazily loaded chunk of the home route. (2) and (3)
// are not in index.html, so we follow Vite's build manifest (dist/.vite/manifest.json, enabled
// with build.manifest): start at the entry, follow its static `imports` recursively, then add the
// locale and home-route modules (found by source path among the entry's `dynamicImports`) and
// their static imports. Every file is gzipped (zlib default level) and the sizes are summed.
//
// Some pages also have their own budget for everything they need, JavaScript and CSS together (the
// lesson reader: ≤150 KB, so it is usable on a slow 3G connection): the same first-visit files, with
// the page's lazily loaded chunk and its static imports instead of the home route's, plus the CSS
// of every chunk involved.
//
// Usage: node scripts/check-bundle-budget.mjs [--json]   (exit 1 when an app or page is over budget)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const APPS = [
  {
    name: 'learner',
    dir: 'apps/learner',
    base: '/',
    homeRoute: 'src/pages/HomePage.tsx',
    budget: 120 * 1024,
    pages: [{ name: 'lesson page', route: 'src/pages/LessonPage.tsx', budget: 150 * 1024 }],
  },
  {
    name: 'authoring',
    dir: 'apps/authoring',
    base: '/studio/',
    homeRoute: 'src/pages/StudioHomePage.tsx',
    budget: 160 * 1024,
  },
];
const FIRST_LANGUAGE = /(^|\/)locales\/en\.json$/;

function fail(message) {
  console.error(`check-bundle-budget: ${message}`);
  process.exit(1);
}

/** JS files named in index.html: the module entry script and the modulepreload links. */
function filesFromHtml(html, base) {
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) urls.push(url);
  }
  return urls.map((url) => {
    if (/^[a-z]+:\/\//i.test(url)) fail(`index.html loads an external script: ${url}`);
    return url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
  });
}

function measureApp(app) {
  const dist = join(root, app.dir, 'dist');
  const htmlPath = join(dist, 'index.html');
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(htmlPath) || !existsSync(manifestPath)) {
    fail(`${app.dir}/dist is missing index.html or .vite/manifest.json; build the app first`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const htmlFiles = filesFromHtml(readFileSync(htmlPath, 'utf8'), app.base);
  const files = new Set(htmlFiles);

  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) fail(`${app.name}: no entry in the build manifest`);

  /** Every chunk reachable by static imports from `roots` (manifest keys), and the dynamic imports seen. */
  const collect = (roots) => {
    const visited = new Set();
    const dynamicKeys = new Set();
    const add = (key) => {
      if (visited.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) fail(`${app.name}: ${key} is not in the build manifest`);
      visited.add(key);
      for (const dynamic of chunk.dynamicImports ?? []) dynamicKeys.add(dynamic);
      for (const imported of chunk.imports ?? []) add(imported);
    };
    for (const root of roots) add(root);
    return { visited, dynamicKeys };
  };
  const gzipSize = (file) => gzipSync(readFileSync(join(dist, file))).length;

  const { dynamicKeys } = collect([entryKey]);
  const localeKeys = [...dynamicKeys].filter((key) => FIRST_LANGUAGE.test(key));
  if (!dynamicKeys.has(app.homeRoute))
    fail(`${app.name}: home route ${app.homeRoute} is not lazily imported`);
  if (localeKeys.length < 1) fail(`${app.name}: no English locale chunk found among dynamic imports`);

  const firstPage = collect([entryKey, ...localeKeys, app.homeRoute]).visited;
  for (const key of firstPage) files.add(manifest[key].file);

  const measured = [...files]
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => ({ file, gzipBytes: gzipSize(file) }));
  const totalGzipBytes = measured.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0);
  const cssGzipBytes = (manifest[entryKey].css ?? []).reduce((sum, file) => sum + gzipSize(file), 0);

  const pages = (app.pages ?? []).map((page) => {
    if (!dynamicKeys.has(page.route)) fail(`${app.name}: ${page.route} is not lazily imported`);
    const pageFiles = new Set(htmlFiles);
    for (const key of collect([entryKey, ...localeKeys, page.route]).visited) {
      pageFiles.add(manifest[key].file);
      for (const css of manifest[key].css ?? []) pageFiles.add(css);
    }
    const sizes = [...pageFiles].map((file) => ({ file, gzipBytes: gzipSize(file) }));
    const jsGzipBytes = sizes.filter(({ file }) => file.endsWith('.js')).reduce((s, f) => s + f.gzipBytes, 0);
    const pageCss = sizes.filter(({ file }) => file.endsWith('.css')).reduce((s, f) => s + f.gzipBytes, 0);
    return {
      page: page.name,
      route: page.route,
      jsGzipBytes,
      cssGzipBytes: pageCss,
      totalGzipBytes: jsGzipBytes + pageCss,
      budgetBytes: page.budget,
      withinBudget: jsGzipBytes + pageCss <= page.budget,
    };
  });

  return {
    app: app.name,
    files: measured,
    totalGzipBytes,
    budgetBytes: app.budget,
    cssGzipBytes,
    withinBudget: totalGzipBytes <= app.budget && pages.every((page) => page.withinBudget),
    pages,
  };
}

const results = APPS.map(measureApp);
const kb = (bytes) => (bytes / 1024).toFixed(1);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ results }, null, 2));
} else {
  const rows = results.map((r) => [
    r.app,
    String(r.files.length),
    kb(r.totalGzipBytes),
    kb(r.budgetBytes),
    kb(r.cssGzipBytes),
    r.totalGzipBytes <= r.budgetBytes ? 'ok' : 'OVER',
  ]);
  const header = ['app', 'JS files', 'gzip KB', 'budget KB', 'CSS gzip KB', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results) {
    for (const p of r.pages) {
      console.log(
        `${r.app} ${p.page}: ${kb(p.totalGzipBytes)} KB of JavaScript and CSS gzipped ` +
          `(JS ${kb(p.jsGzipBytes)}, CSS ${kb(p.cssGzipBytes)}), budget ${kb(p.budgetBytes)}: ${p.withinBudget ? 'ok' : 'OVER'}`,
      );
    }
  }
  for (const r of results) {
    console.log(`\n${r.app}: first-page JavaScript`);
    for (const { file, gzipBytes } of r.files) console.log(`  ${kb(gzipBytes).padStart(6)} KB  ${file}`);
  }
}

if (results.some((r) => !r.withinBudget)) {
  if (!process.argv.includes('--json'))
    console.error('\nOver budget: keep the first page lean or move code into lazy chunks.');
  process.exit(1);
}

// The kit is source only (apps compile it), so this test compiles the chart's files with the kit's
// TypeScript into node_modules/.cache (where `react` resolves) and renders the chart to markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const charts = fileURLToPath(new URL('../src/charts/', import.meta.url));
const out = fileURLToPath(new URL('../node_modules/.cache/radar-chart-test/', import.meta.url));

function compile(name) {
  const source = readFileSync(`${charts}${name}`, 'utf8')
    // Styles are the bundler's business; Node cannot import CSS.
    .replace(/^import '.*\.css';$/m, '')
    // Node needs file extensions that the bundler resolves on its own.
    .replace(/from '\.\/(\w+)'/g, "from './$1.js'");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
    },
    fileName: name,
  });
  writeFileSync(`${out}${name.replace(/\.tsx?$/, '.js')}`, outputText);
}

mkdirSync(out, { recursive: true });
for (const name of ['radarLayout.ts', 'radarMarks.tsx', 'RadarChart.tsx']) compile(name);
const layout = await import(pathToFileURL(`${out}radarLayout.js`).href);
const { RadarChart } = await import(pathToFileURL(`${out}RadarChart.js`).href);
const { createElement } = require('react');
const { renderToStaticMarkup } = require('react-dom/server');

const axes = [
  'Leadership',
  'Strategy',
  'Governance',
  'Legal framework',
  'Technology',
  'Workforce development',
].map((label) => ({ key: label.toLowerCase().replace(' ', '-'), label }));

test('the minimum is the centre, the maximum the end of the axis, and the first axis points up', () => {
  const {
    centre,
    radius,
    axes: laid,
  } = layout.layoutRadar(
    axes.map((axis) => axis.label),
    1,
    5,
    400,
  );
  const scale = { min: 1, max: 5, centre, radius };
  assert.deepEqual(layout.pointOn(0, 6, 1, scale), { x: centre.x, y: centre.y });
  assert.deepEqual(layout.pointOn(0, 6, 5, scale), { x: centre.x, y: centre.y - radius });
  assert.deepEqual(laid[0].end, { x: centre.x, y: centre.y - radius });
  // Values beyond the scale stay on the chart.
  assert.deepEqual(layout.pointOn(0, 6, 9, scale), layout.pointOn(0, 6, 5, scale));
  assert.equal(laid[0].anchor, 'middle');
  assert.equal(laid[1].anchor, 'start');
  assert.equal(laid[5].anchor, 'end');
});

test('a narrow box still gets a chart at reading size, with long labels wrapped', () => {
  const narrow = layout.layoutRadar(
    axes.map((axis) => axis.label),
    1,
    5,
    200,
  );
  assert.equal(narrow.width, 240);
  assert.ok(narrow.radius >= 40, `radius ${narrow.radius}`);
  assert.deepEqual(narrow.axes[5].lines, ['Workforce', 'development']);
  assert.deepEqual(layout.wrapLabel('Legal framework and rules', 9), ['Legal', 'framework', 'and rules']);
});

test('grid levels are the whole values of a short scale, five steps otherwise', () => {
  assert.deepEqual(layout.gridLevels(1, 5), [2, 3, 4, 5]);
  assert.deepEqual(layout.gridLevels(0, 100), [20, 40, 60, 80, 100]);
});

test('a missing value leaves a gap instead of a point at the centre', () => {
  const p = (x, y) => ({ x, y });
  assert.equal(layout.seriesPath([p(0, 0), p(1, 0), p(1, 1)]), 'M0,0 L1,0 L1,1 Z');
  assert.equal(layout.seriesPath([p(0, 0), null, p(1, 1), p(2, 2)]), 'M1,1 L2,2 M2,2 L0,0');
  assert.equal(layout.seriesPath([null, null, null]), '');
});

test('the chart is a labelled figure with a legend, and series differ by line style and marker', () => {
  const html = renderToStaticMarkup(
    createElement(RadarChart, {
      axes,
      min: 1,
      max: 5,
      title: 'Capability profile',
      description: 'Scores from 1 to 5; the figures are in the table below.',
      series: [
        { key: 'average', label: 'Average', values: [3, 2.5, 4, 1, 5, 3.2], style: 'solid' },
        { key: 'consensus', label: 'Consensus', values: [3, null, 4, 2, 5, 3], style: 'dashed' },
        { key: 'previous', label: 'Previous', values: [2, 2, 2, 2, 2, 2], style: 'dotted' },
      ],
    }),
  );
  assert.match(html, /^<figure class="arch-radar">/);
  const labelledBy = /<svg role="img" aria-labelledby="([^"]+)"/.exec(html)?.[1];
  assert.ok(labelledBy, 'the drawing is an image with a name');
  const [titleId, descriptionId] = labelledBy.split(' ');
  assert.match(html, new RegExp(`<figcaption id="${titleId}">Capability profile</figcaption>`));
  assert.match(html, new RegExp(`<p id="${descriptionId}"[^>]*>Scores from 1 to 5`));
  assert.match(
    html,
    /<ul class="arch-radar__legend"><li>.*Average<\/li><li>.*Consensus<\/li><li>.*Previous<\/li><\/ul>/,
  );
  assert.match(html, /data-series="consensus"><path[^>]*stroke-dasharray="8 5"/);
  assert.match(html, /data-series="previous"><path[^>]*stroke-dasharray="2 4"/);
  assert.doesNotMatch(/data-series="average"><path[^>]*>/.exec(html)[0], /stroke-dasharray/);
  // Average: six circles; consensus: five squares (one value missing); previous: triangles.
  const group = (key) => new RegExp(`data-series="${key}">(.*?)</g></g>`).exec(html)[1];
  assert.equal(group('average').match(/<circle/g)?.length, 6);
  assert.equal(group('consensus').match(/<rect/g)?.length, 5);
  assert.equal(group('previous').match(/<path/g)?.length, 7);
  assert.match(html, />Workforce<\/tspan>/);
});

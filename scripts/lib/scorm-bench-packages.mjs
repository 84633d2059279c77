// SCORM packages for the benchmark (scripts/bench-scorm.mjs), written to disk by yazl as streams:
// a small single-SCO 2004 package for the commit load, and a 200 MB one of 5,000 files for the
// import, built once into the temporary folder and reused by later runs.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ROOT } from './run.mjs';

// yazl is a dependency of the API (its tests build packages with it); the scripts borrow it.
const yazl = createRequire(join(ROOT, 'apps/api/package.json'))('yazl');

const manifest2004 = (identifier, files) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Benchmark package</title>
      <item identifier="sco_1" identifierref="res_1"><title>The only SCO</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormType="sco" href="index.html">
${files.map((name) => `      <file href="${name}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;

const page = (n) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page ${n}</title>` +
  `<script src="js/page-${n % 50}.js"></script></head><body><h1>Page ${n}</h1>` +
  `<p>${'A public service designed with the people who use it. '.repeat(60)}</p></body></html>\n`;

const script = (n) =>
  `// Page behaviour ${n}\n` +
  Array.from({ length: 80 }, (_, i) => `function step${n}_${i}(x) { return x * ${i + 1} + ${n}; }`).join(
    '\n',
  );

/** A stream of `bytes` random (incompressible) bytes, made a chunk at a time. */
function randomStream(bytes) {
  let left = bytes;
  return new Readable({
    read() {
      if (left === 0) return this.push(null);
      const size = Math.min(left, 1 << 20);
      left -= size;
      this.push(randomBytes(size));
    },
  });
}

async function writeZip(path, fill) {
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(`${path}.part`));
  fill(zip);
  zip.end();
  await written;
  renameSync(`${path}.part`, path);
  return path;
}

/** One SCO that does nothing but be launched: the commit load sends what a real SCO would. */
export function smallPackage(folder) {
  return writeZip(join(folder, 'bench-sco.zip'), (zip) => {
    zip.addBuffer(Buffer.from(manifest2004('bench.small', ['index.html'])), 'imsmanifest.xml');
    zip.addBuffer(Buffer.from(page(0)), 'index.html');
  });
}

export const BIG = { files: 5_000, media: 4, mediaBytes: 48 * 2 ** 20 };

/**
 * 200 MB in 5,000 files: four 48 MB media files of random bytes (stored, as zip tools keep
 * compressed media), and 4,995 html, js and css files (deflated) making up the rest.
 */
export async function bigPackage() {
  const path = join(tmpdir(), `archipelago-bench-scorm-${BIG.files}-files-v1.zip`);
  if (existsSync(path) && statSync(path).size > 180 * 2 ** 20) return path;
  const small = [];
  for (let n = 0; small.length < BIG.files - BIG.media - 1; n += 1) {
    small.push(
      n % 10 < 7 ? `pages/page-${n}.html` : n % 10 < 9 ? `js/page-${n % 50}-${n}.js` : `css/s-${n}.css`,
    );
  }
  const media = Array.from({ length: BIG.media }, (_, i) => `media/video-${i + 1}.mp4`);
  const files = ['index.html', ...small, ...media];
  return writeZip(path, (zip) => {
    zip.addBuffer(Buffer.from(manifest2004('bench.big', files)), 'imsmanifest.xml');
    zip.addBuffer(Buffer.from(page(0)), 'index.html');
    for (const [i, name] of small.entries()) {
      const body = name.endsWith('.html')
        ? page(i)
        : name.endsWith('.js')
          ? script(i)
          : `.c${i} { color: #${createHash('md5').update(String(i)).digest('hex').slice(0, 6)}; }\n`.repeat(
              40,
            );
      // Random padding so the small files do not all deflate to nothing: 20 MB over 4,995 files.
      zip.addBuffer(
        Buffer.concat([Buffer.from(body), Buffer.from(randomBytes(1200).toString('base64'))]),
        name,
      );
    }
    for (const name of media) zip.addReadStream(randomStream(BIG.mediaBytes), name, { compress: false });
  });
}

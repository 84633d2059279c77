// The certificate PDF budget, for `pnpm bench` (scripts/bench.mjs): one certificate drawn by the
// built renderer (apps/api/dist), as the issuing code draws it — A4 landscape, a PNG logo, two
// signatories, the QR code, a name with Vietnamese and Polish diacritics — RENDERS times after a
// few warm-up renders (the first of a process also reads the fonts). Median and p95 must stay
// under 150 ms. Needs a build of the API.
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/run.mjs';

const RENDERS = Number(process.env.CERTIFICATE_PDF_BENCH_RENDERS ?? 100);
const RENDERER = join(ROOT, 'apps/api/dist/certificates/pdf/render-certificate.js');

/** A 300 × 120 RGB PNG, the size of a typical institution logo, made without a dependency. */
function logoPng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const [width, height] = [300, 120];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = [0];
    for (let x = 0; x < width; x++) row.push((x * 7) & 255, (y * 3) & 255, 184);
    rows.push(Buffer.from(row));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const LOGO_ID = '00000000-0000-4000-8000-00000000000a';

const template = {
  id: '00000000-0000-4000-8000-000000000001',
  courseId: '00000000-0000-4000-8000-000000000002',
  version: 1,
  title: 'Certificate of completion',
  body:
    'This is to certify that {{learnerName}} has successfully completed the course “{{courseTitle}}” ' +
    '({{hours}}) offered by {{institution}}, on {{completionDate}}.',
  language: 'en',
  orientation: 'landscape',
  logoFileIds: [LOGO_ID],
  signatories: [
    { name: 'Dr Émile Zoë Brontë', title: 'Director of Training', signatureFileId: null },
    { name: 'Ana María Pérez', title: 'Registrar', signatureFileId: null },
  ],
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: null,
};

const data = (i) => ({
  code: `7K3M9QX2HV4T${String(i).padStart(4, '0')}`,
  verificationUrl: `https://learn.example.org/verify/7K3M9QX2HV4T${String(i).padStart(4, '0')}`,
  learnerName: `Nguyễn Thị Ánh Łukasiewicz ${i}`,
  courseTitle: 'Public procurement in small island states',
  hours: 12.5,
  completedAt: new Date('2026-11-20T15:00:00Z'),
  issuedAt: new Date('2026-11-21T09:30:00Z'),
  expiresAt: null,
  cohortName: null,
  institutionName: 'Saint Lucia Public Service Training',
  issuerName: 'Archipelago',
});

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** Times RENDERS renders of one certificate; answers the first (cold) render, median, p95, max, size. */
export async function measureCertificatePdf() {
  const { renderCertificate } = await import(pathToFileURL(RENDERER).href);
  const images = new Map([[LOGO_ID, logoPng()]]);
  let started = performance.now();
  const first = await renderCertificate(template, data(0), images);
  const coldMs = performance.now() - started;
  for (let i = 1; i <= 5; i++) await renderCertificate(template, data(i), images);
  const times = [];
  let bytes = first.length;
  for (let i = 0; i < RENDERS; i++) {
    started = performance.now();
    const pdf = await renderCertificate(template, data(i), images);
    times.push(performance.now() - started);
    bytes = pdf.length;
  }
  times.sort((a, b) => a - b);
  return {
    renders: RENDERS,
    coldMs,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    maxMs: times.at(-1),
    kb: bytes / 1024,
  };
}

/** The certificate PDF rows of the benchmark's table. */
export function certificatePdfRows(pdf) {
  return [
    [
      `One certificate PDF (A4, logo, QR code, embedded font subset), ${pdf.renders} renders: median / p95 (max)`,
      `${pdf.medianMs.toFixed(1)} ms / ${pdf.p95Ms.toFixed(1)} ms (${pdf.maxMs.toFixed(1)} ms)`,
      '< 150 ms',
    ],
    [
      "Certificate PDF: a process's first render (reads the fonts) / file size",
      `${pdf.coldMs.toFixed(0)} ms / ${pdf.kb.toFixed(0)} KB`,
      'noted',
    ],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureCertificatePdf(), null, 2));
}

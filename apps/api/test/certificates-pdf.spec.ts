import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { renderCertificate } from '../src/certificates/pdf/render-certificate.js';
import type { CertificatePdfData } from '../src/certificates/pdf/certificate-pdf-data.js';
import type { CertificateTemplateView } from '../src/certificates/templates/certificate-template.js';
import { SeedService } from '../src/seed/seed.service.js';
import { demoInstitutionId } from './admin-fixtures.js';
import { createCourse } from './course-fixtures.js';
import { JPEG, png } from './file-fixtures.js';
import { call, DEMO, signIn, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

const NAME = 'Nguyễn Thị Ánh Łukasiewicz';
const URL = 'https://learn.example.org/verify/7K3M9QX2HV4T8B1N';

const template = (fields: Partial<CertificateTemplateView> = {}): CertificateTemplateView => ({
  id: '00000000-0000-4000-8000-000000000001',
  courseId: '00000000-0000-4000-8000-000000000002',
  version: 3,
  title: 'Certificate of completion',
  body: 'This is to certify that {{learnerName}} completed “{{courseTitle}}” ({{hours}}) on {{completionDate}}, offered by {{institution}}.',
  language: 'en',
  orientation: 'landscape',
  logoFileIds: [],
  signatories: [{ name: 'Dr Émile Zoë Brontë', title: 'Director of Training', signatureFileId: null }],
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: null,
  ...fields,
});

const data = (fields: Partial<CertificatePdfData> = {}): CertificatePdfData => ({
  code: '7K3M9QX2HV4T8B1N',
  verificationUrl: URL,
  learnerName: NAME,
  courseTitle: 'Public procurement in small island states',
  hours: 12.5,
  completedAt: new Date('2026-11-20T15:00:00Z'),
  issuedAt: new Date('2026-11-21T09:30:00Z'),
  expiresAt: null,
  cohortName: null,
  institutionName: 'Saint Lucia Public Service Training',
  issuerName: 'Archipelago',
  ...fields,
});

/** The PDF as a reader sees it: text items, metadata, annotations, page size. */
async function read(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  const lines = content.items.map((item) => (item as TextItem).str).filter((s) => s.trim() !== '');
  const metadata = await doc.getMetadata();
  const annotations = (await page.getAnnotations()) as Array<{ subtype: string; url?: string }>;
  const result = {
    pages: doc.numPages,
    text: lines.join(' '),
    lines,
    info: metadata.info as Record<string, unknown>,
    annotations,
    size: page.view.slice(2),
  };
  await doc.destroy();
  return result;
}

describe('certificate PDF', () => {
  it('prints a name with diacritics exactly, the code, the dates and hours, with an embedded font', async () => {
    const pdf = await renderCertificate(template(), data(), new Map());
    const read1 = await read(pdf);
    expect(read1.pages).toBe(1);
    expect(read1.lines).toContain(NAME);
    expect(read1.text).toContain('Certificate of completion');
    expect(read1.text).toContain('7K3M-9QX2-HV4T-8B1N');
    expect(read1.text).toContain(`Verify at ${URL}`);
    expect(read1.text).toContain('November 20, 2026');
    expect(read1.text).toContain('12.5 hours');
    expect(read1.text).toContain('Saint Lucia Public Service Training');
    expect(read1.text).toContain('Dr Émile Zoë Brontë');
    expect(read1.size.map(Math.round)).toEqual([842, 595]);

    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('sets the title, author, subject, keywords, creation date and language, and marks the document tagged', async () => {
    const pdf = await renderCertificate(template(), data(), new Map());
    const { info } = await read(pdf);
    expect(info).toMatchObject({
      Title: `Certificate of completion — ${NAME}`,
      Author: 'Archipelago',
      Language: 'en',
      CreationDate: 'D:20261121093000Z',
    });
    expect(info.Subject).toContain('Public procurement in small island states');
    expect(info.Keywords).toContain('7K3M-9QX2-HV4T-8B1N');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (en)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  it('links the QR code to the verification address', async () => {
    const { annotations } = await read(await renderCertificate(template(), data(), new Map()));
    expect(annotations).toEqual([expect.objectContaining({ subtype: 'Link', url: URL })]);
  });

  it('writes in the template language and orientation, and fills every placeholder', async () => {
    const pdf = await renderCertificate(
      template({
        language: 'es',
        orientation: 'portrait',
        title: 'Diploma de {{institution}}',
        body: '{{learnerName}} · {{courseTitle}} · {{hours}} · {{completionDate}} · [{{cohort}}]',
      }),
      data({ hours: 1, cohortName: 'Promoción 2026', expiresAt: new Date('2028-11-21T09:30:00Z') }),
      new Map(),
    );
    const { text, size, info } = await read(pdf);
    expect(size.map(Math.round)).toEqual([595, 842]);
    expect(info.Language).toBe('es');
    expect(text).toContain('Diploma de Saint Lucia Public Service Training');
    expect(text).toContain(
      `${NAME} · Public procurement in small island states · 1 hora · 20 de noviembre de 2026 · [Promoción 2026]`,
    );
    expect(text).toContain('Válido hasta el 21 de noviembre de 2028');
    expect(text).toContain('Código del certificado: 7K3M-9QX2-HV4T-8B1N');
    expect(text).not.toContain('{{');
  });

  it('leaves no gap or empty brackets where a placeholder has nothing to say (no cohort, no hours)', async () => {
    const pdf = await renderCertificate(
      template({ body: '{{learnerName}} completed the course ({{cohort}}) of {{hours}} hours, {{cohort}}.' }),
      data({ hours: null, cohortName: null }),
      new Map(),
    );
    expect((await read(pdf)).text).toContain(`${NAME} completed the course of hours,.`);
  });

  it('is the same file when drawn twice from the same certificate', async () => {
    const first = await renderCertificate(template(), data(), new Map());
    const second = await renderCertificate(template(), data(), new Map());
    expect(first.equals(second)).toBe(true);
  });

  it('keeps every letter in the text layer when an earlier PDF drew its accented form', async () => {
    await renderCertificate(template(), data({ learnerName: 'Ámbar Élodie Öztürk' }), new Map());
    const { lines } = await read(
      await renderCertificate(template(), data({ learnerName: 'Ambar Elodie Ozturk' }), new Map()),
    );
    expect(lines).toContain('Ambar Elodie Ozturk');
  });

  it('fits a long name on one line and a long body on the page', async () => {
    const longName = 'María de los Ángeles Fernández-Łukasiewicz Nguyễn Thị Ánh de la Cruz Ølstad';
    const pdf = await renderCertificate(
      template({ body: 'Ę '.repeat(990) }),
      data({ learnerName: longName }),
      new Map(),
    );
    const { pages, lines } = await read(pdf);
    expect(pages).toBe(1);
    expect(lines).toContain(longName);
  });

  describe('drawn by the service, with stored images', () => {
    let t: TestApp;
    let root: string;
    let trainer: TestSession;
    let lc: string;
    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'archipelago-cert-pdf-'));
      t = await createTestApp({ FILE_STORAGE_DIR: root, PUBLIC_URL: 'https://learn.example.org' });
      await t.app.get(SeedService).run();
      lc = await demoInstitutionId(t);
      trainer = await signIn(t, DEMO.trainer.email, DEMO.trainer.password);
    });
    afterAll(async () => {
      await t.close();
      rmSync(root, { recursive: true, force: true });
    });

    const upload = async (bytes: Buffer, name: string) => {
      const res = await call(t, trainer, 'post', `/api/studio/files?institutionId=${lc}`).attach(
        'file',
        bytes,
        name,
      );
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    it('previews with the sample learner, the course facts, the logos and the signature', async () => {
      const course = await createCourse(t, trainer, lc, { title: 'Ethics in office', estimatedHours: 3 });
      const logo = await upload(png(40, 20), 'logo.png');
      const signature = await upload(JPEG, 'signature.jpg');
      const res = await call(
        t,
        trainer,
        'post',
        `/api/studio/courses/${course.id}/certificate-template/preview`,
      )
        .send({
          title: 'Certificate',
          body: '{{learnerName}} completed {{courseTitle}} ({{hours}}).',
          language: 'fr',
          orientation: 'landscape',
          logoFileIds: [logo],
          signatories: [{ name: 'Jeanne Dupré', title: 'Directrice', signatureFileId: signature }],
        })
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const pdf = res.body as Buffer;
      const { text, annotations, info } = await read(pdf);
      expect(text).toContain('Ana María Pérez-Łukasiewicz completed Ethics in office (3 heures).');
      expect(text).toContain('0000-0000-0000-0000');
      expect(info.Language).toBe('fr');
      expect(annotations[0]?.url).toBe('https://learn.example.org/verify/0000000000000000');
      expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
    });
  });
});

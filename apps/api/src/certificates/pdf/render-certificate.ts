import { interpolate, longDate } from '../../common/i18n/server-languages.js';
import { certificateStrings, hoursText } from '../locales/certificate-strings.js';
import type { CertificateTemplateView, Signatory } from '../templates/certificate-template.js';
import { fillPlaceholders } from '../templates/placeholders.js';
import { openTaggedPdf, PDF_BOLD as BOLD, PDF_REGULAR as REGULAR } from '../../common/pdf/tagged-pdf.js';
import { formatCode } from '../issuing/certificate-code.js';
import type { CertificatePdfData } from './certificate-pdf-data.js';
import { drawQrCode } from './qr-code.js';

/** Image bytes by stored file id (PNG or JPEG); a missing one is left out of the drawing. */
export type CertificateImages = ReadonlyMap<string, Buffer>;

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b5394';

interface Box {
  x: number;
  width: number;
}

/** Draws decorations outside the document's structure, so screen readers skip them. */
function artifact(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

/** The largest size, from `size` down, at which the text fits on one line of the width. */
function fittingSize(
  doc: PDFKit.PDFDocument,
  text: string,
  font: string,
  size: number,
  width: number,
  smallest = 10,
): number {
  doc.font(font);
  let fitted = size;
  while (fitted > smallest && doc.fontSize(fitted).widthOfString(text) > width) fitted -= 0.5;
  return fitted;
}

/** Centered text in the box at y; returns the y below it. */
function centered(
  doc: PDFKit.PDFDocument,
  text: string,
  y: number,
  box: Box,
  style: { font: string; size: number; color: string; height?: number },
): number {
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
  const options = { width: box.width, align: 'center' as const, height: style.height, lineGap: 2 };
  const height = doc.heightOfString(text, options);
  doc.text(text, box.x, y, options);
  return y + Math.min(height, style.height ?? height);
}

function drawLogos(
  doc: PDFKit.PDFDocument,
  ids: string[],
  images: CertificateImages,
  y: number,
  box: Box,
): number {
  const present = ids.filter((id) => images.has(id));
  if (present.length === 0) return y;
  const height = 56;
  const slot = Math.min(170, box.width / present.length);
  const start = box.x + (box.width - slot * present.length) / 2;
  present.forEach((id, i) => {
    doc.image(images.get(id)!, start + i * slot + 10, y, {
      fit: [slot - 20, height],
      align: 'center',
      valign: 'center',
    });
  });
  return y + height + 14;
}

function drawSignatories(
  doc: PDFKit.PDFDocument,
  signatories: Signatory[],
  images: CertificateImages,
  bottom: number,
  box: Box,
): void {
  if (signatories.length === 0) return;
  const slot = box.width / signatories.length;
  signatories.forEach((signatory, i) => {
    const x = box.x + i * slot + 16;
    const width = slot - 32;
    const lineY = bottom - 34;
    const signature = signatory.signatureFileId ? images.get(signatory.signatureFileId) : undefined;
    if (signature)
      doc.image(signature, x, lineY - 44, { fit: [width, 40], align: 'center', valign: 'bottom' });
    artifact(doc, () => {
      doc
        .moveTo(x + width * 0.1, lineY)
        .lineTo(x + width * 0.9, lineY)
        .lineWidth(0.7)
        .stroke(MUTED);
    });
    centered(doc, signatory.name, lineY + 5, { x, width }, { font: BOLD, size: 10, color: INK, height: 13 });
    centered(
      doc,
      signatory.title,
      lineY + 19,
      { x, width },
      { font: REGULAR, size: 8.5, color: MUTED, height: 12 },
    );
  });
}

/**
 * Draws a certificate as a tagged, single-page A4 PDF in the template's language. The output is
 * a function of its inputs (the creation date is the issue date), so a re-render is the same file.
 */
export function renderCertificate(
  template: CertificateTemplateView,
  data: CertificatePdfData,
  images: CertificateImages,
): Promise<Buffer> {
  const language = template.language;
  const strings = certificateStrings(language).pdf;
  const completionDate = longDate(language, data.completedAt);
  const hours = data.hours === null ? '' : hoursText(language, data.hours);
  const values = {
    learnerName: data.learnerName,
    courseTitle: data.courseTitle,
    hours,
    completionDate,
    cohort: data.cohortName ?? '',
    institution: data.institutionName,
  };
  const title = fillPlaceholders(template.title, values);
  const code = formatCode(data.code);
  const { doc, finished: done } = openTaggedPdf({
    language,
    layout: template.orientation,
    margin: 0,
    info: {
      Title: `${title} — ${data.learnerName}`,
      Author: data.issuerName,
      Subject: interpolate(strings.subject, { course: data.courseTitle, learner: data.learnerName }),
      Keywords: interpolate(strings.keywords, {
        course: data.courseTitle,
        institution: data.institutionName,
        code,
      }),
      CreationDate: data.issuedAt,
    },
  });

  const { width, height } = doc.page;
  const margin = 48;
  const box: Box = { x: margin + 24, width: width - 2 * (margin + 24) };
  artifact(doc, () => {
    doc
      .rect(margin / 2, margin / 2, width - margin, height - margin)
      .lineWidth(2.5)
      .stroke(ACCENT);
    doc
      .rect(margin / 2 + 6, margin / 2 + 6, width - margin - 12, height - margin - 12)
      .lineWidth(0.6)
      .stroke(ACCENT);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const logos = template.logoFileIds;
  // Without logos the text starts lower, so the page does not look top-heavy.
  // A portrait page has room to spare: the text block sits lower, nearer its middle.
  let y =
    margin + (logos.some((id) => images.has(id)) ? 14 : 44) + (template.orientation === 'portrait' ? 90 : 0);
  if (logos.some((id) => images.has(id))) {
    root.add(
      doc.struct('Figure', { alt: data.institutionName }, () => {
        y = drawLogos(doc, logos, images, y, box);
      }),
    );
  }
  root.add(
    doc.struct('P', {}, () => {
      y =
        centered(doc, data.institutionName, y, box, { font: BOLD, size: 11, color: MUTED, height: 28 }) + 12;
    }),
  );
  root.add(
    doc.struct('H1', {}, () => {
      const size = fittingSize(doc, title, BOLD, 30, box.width);
      y = centered(doc, title, y, box, { font: BOLD, size, color: ACCENT, height: 80 }) + 14;
    }),
  );
  root.add(
    doc.struct('P', {}, () => {
      y = centered(doc, strings.awardedTo, y, box, { font: REGULAR, size: 11, color: MUTED }) + 4;
    }),
  );
  root.add(
    doc.struct('H2', {}, () => {
      const size = fittingSize(doc, data.learnerName, BOLD, 34, box.width);
      y = centered(doc, data.learnerName, y, box, { font: BOLD, size, color: INK }) + 14;
    }),
  );

  const qrSize = 84;
  const qrX = width - margin - qrSize - 8;
  const qrY = height - margin - qrSize - 8;
  // Signatures stand on a line just above the QR code's top; the text ends above them.
  const footerTop = template.signatories.length > 0 ? qrY - 64 : qrY - 8;
  const bodyHeight = Math.max(40, footerTop - y - 36);
  const body = fillPlaceholders(template.body, values);
  root.add(
    doc.struct('P', {}, () => {
      let size = 13;
      doc.font(REGULAR);
      while (
        size > 8 &&
        doc.fontSize(size).heightOfString(body, { width: box.width, lineGap: 2 }) > bodyHeight
      )
        size -= 0.5;
      y = centered(doc, body, y, box, { font: REGULAR, size, color: INK, height: bodyHeight }) + 10;
    }),
  );
  const facts = [
    interpolate(strings.course, { title: data.courseTitle }),
    hours,
    interpolate(strings.completedOn, { date: completionDate }),
    data.expiresAt ? interpolate(strings.validUntil, { date: longDate(language, data.expiresAt) }) : '',
  ].filter((part) => part !== '');
  root.add(
    doc.struct('P', {}, () => {
      centered(doc, facts.join(' · '), y, box, { font: REGULAR, size: 10, color: MUTED, height: 28 });
    }),
  );

  const signatureBox: Box = { x: margin + 12, width: qrX - margin - 24 };
  if (template.signatories.length > 0) {
    root.add(
      doc.struct('Div', {}, () => {
        drawSignatories(doc, template.signatories, images, qrY + 20, signatureBox);
      }),
    );
  }
  root.add(
    doc.struct('Figure', { alt: strings.qrAlt }, () => {
      drawQrCode(doc, data.verificationUrl, qrX, qrY, qrSize);
    }),
  );
  const verifyBox: Box = { x: margin + 12, width: qrX - margin - 20 };
  root.add(
    doc.struct('P', {}, () => {
      // One line each, smaller rather than wrapped, level with the bottom of the QR code.
      const lines = [
        interpolate(strings.code, { code }),
        interpolate(strings.verifyAt, { url: data.verificationUrl }),
      ];
      lines.forEach((line, i) => {
        const size = fittingSize(doc, line, REGULAR, 8.5, verifyBox.width, 6);
        doc.font(REGULAR).fontSize(size).fillColor(MUTED);
        doc.text(line, verifyBox.x, qrY + qrSize - 22 + i * 12, { lineBreak: false });
      });
    }),
  );
  root.end();
  doc.end();
  return done;
}

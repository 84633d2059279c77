import PDFDocument from 'pdfkit';
import { pdfFonts } from './pdf-fonts.js';

export const PDF_REGULAR = 'DejaVuSans';
export const PDF_BOLD = 'DejaVuSans-Bold';

export interface TaggedPdfOptions {
  language: string;
  info: { Title: string; Author: string; Subject: string; Keywords: string; CreationDate: Date };
  layout?: 'portrait' | 'landscape';
  /** Page margin in points on every side. */
  margin: number;
}

/**
 * An A4 PDF/UA-minded document: tagged, in the reader's language, its title shown by viewers, and
 * drawn only with the embedded DejaVu fonts (registered as PDF_REGULAR and PDF_BOLD), so every name
 * keeps its diacritics. `finished` resolves with the bytes once the caller ends the document.
 */
export function openTaggedPdf(options: TaggedPdfOptions): {
  doc: PDFKit.PDFDocument;
  finished: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin,
    pdfVersion: '1.7',
    tagged: true,
    lang: options.language,
    displayTitle: true,
    // No standard font: everything is drawn with the embedded DejaVu subset.
    font: null as unknown as string,
    info: { ...options.info, Creator: 'Archipelago', Producer: 'Archipelago' },
  });
  const fonts = pdfFonts();
  // pdfkit takes a parsed fontkit font as a source, though its types only list bytes and paths.
  doc.registerFont(PDF_REGULAR, fonts.regular as unknown as Buffer);
  doc.registerFont(PDF_BOLD, fonts.bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}

import { parse, CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { binaryNotCsv, notUtf8, spreadsheetNotCsv, unreadableCsv } from './import-refusals.js';

/** A zip (xlsx, ods) or an OLE compound file (xls): a workbook uploaded as it is. */
const WORKBOOK_SIGNATURES = [
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
];
/** UTF-16 byte order marks: Excel's "Unicode text" export. */
const UTF16_MARKS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
const HEAD_BYTES = 8;
/** A header line longer than this is not a header: the delimiter is judged on this much. */
const SNIFF_CHARS = 64 * 1024;
/** One person's line is a few hundred characters; a record this long is a broken quote. */
const MAX_RECORD_CHARS = 64 * 1024;

const countLines = (text: string) => {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
};

/** Refuses what is not UTF-8 text, from the first bytes on; yields the text without its BOM. */
async function* utf8Text(input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<string> {
  // `fatal` turns a byte that is not UTF-8 (a Latin-1 "é" from an old "CSV" export) into an error
  // instead of a replacement character that would end up in someone's name.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head: Buffer | null = Buffer.alloc(0);
  let line = 1;
  const decode = (bytes: Buffer, stream: boolean) => {
    if (bytes.includes(0)) throw binaryNotCsv();
    try {
      const text = decoder.decode(bytes, { stream });
      line += countLines(text);
      return text;
    } catch {
      const loose = new TextDecoder('utf-8').decode(bytes);
      throw notUtf8(line + countLines(loose.slice(0, Math.max(0, loose.indexOf('\ufffd')))));
    }
  };
  for await (const chunk of input) {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (head) {
      head = Buffer.concat([head, bytes]);
      if (head.length < HEAD_BYTES) continue;
      checkHead(head);
      bytes = head;
      head = null;
    }
    const text = decode(bytes, true);
    if (text) yield text;
  }
  if (head) {
    checkHead(head);
    const text = decode(head, true);
    if (text) yield text;
  }
  const rest = decode(Buffer.alloc(0), false);
  if (rest) yield rest;
}

function checkHead(head: Buffer): void {
  if (WORKBOOK_SIGNATURES.some((signature) => head.subarray(0, signature.length).equals(signature)))
    throw spreadsheetNotCsv();
  if (UTF16_MARKS.some((mark) => head.subarray(0, 2).equals(mark))) throw notUtf8(1);
}

interface Sniffed {
  delimiter: ',' | ';';
  /** Excel's "sep=;" first line, which names the delimiter and is not the header. */
  skipFirstLine: boolean;
}

/** Comma or semicolon, judged on the header line: whichever separates more of it (outside quotes). */
export function sniffDelimiter(firstLine: string): Sniffed {
  const sep = /^sep=([,;])\s*$/i.exec(firstLine);
  if (sep) return { delimiter: sep[1] as ',' | ';', skipFirstLine: true };
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return { delimiter: semicolons > commas ? ';' : ',', skipFirstLine: false };
}

/**
 * The CSV's records, the header first, read as the bytes arrive (csv-parse's stream: a file of
 * 100,000 people is never held whole). UTF-8 with or without a BOM, comma or semicolon, CRLF or
 * LF, quoted fields with delimiters and line breaks inside. Cells are trimmed; lines with nothing
 * in them (a spreadsheet's trailing ";;;;") are skipped. Refuses, as a 422 `not-csv` problem, a
 * workbook, binary content, text in another encoding and a broken quote.
 */
export async function* readCsvRecords(
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<string[]> {
  const text = utf8Text(input);
  // Read by hand, not with for-await: leaving such a loop would close the generator.
  let start = '';
  for (let piece = await text.next(); !piece.done; piece = await text.next()) {
    start += piece.value;
    if (start.trimStart().includes('\n') || start.length >= SNIFF_CHARS) break;
  }
  if (start.trim() === '') return;
  const leading = start.trimStart();
  const firstLine = leading.split(/\r?\n/, 1)[0] ?? '';
  const sniffed = sniffDelimiter(firstLine);
  const parser = parse({
    delimiter: sniffed.delimiter,
    from_line: sniffed.skipFirstLine ? 2 : 1,
    relax_column_count: true,
    // A hand-made file's Tom "Tommy" Smith: quotes inside a cell that is not itself quoted.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  async function* rest() {
    yield leading;
    for (let piece = await text.next(); !piece.done; piece = await text.next()) yield piece.value;
  }
  const source = Readable.from(rest());
  source.once('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw unreadableCsv(line, readableCsvError(error));
    }
    throw error;
  } finally {
    source.destroy();
  }
}

function readableCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a quote mark inside a cell that is not itself in quotes';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a line is far too long (a quote mark opened and never closed?)';
    default:
      return error.message.replace(/\.$/, '');
  }
}

import { matchHeaders, REPORTING_COLUMNS } from './import-columns.js';
import { emptyFile, MAX_IMPORT_ROWS, missingColumns, noRows, tooManyRows } from './import-refusals.js';
import type { ImportLanguage } from './import-words.js';
import { readCsvRecords } from './read-csv-records.js';
import { RowValidator, type ImportRow } from './validate-import-row.js';

/** Something said about the file as a whole; `code` lets a client word it in its reader's language. */
export interface ImportNotice {
  code: 'columns-ignored' | 'column-repeated';
  /** The headings concerned, as the file wrote them. */
  columns: string[];
  /** The same in English, for programs that only log it. */
  message: string;
}

export interface ImportFileSummary {
  totalRows: number;
  invalidRows: number;
  /** Said about the file as a whole: columns ignored or repeated. */
  notices: ImportNotice[];
  /** Whether any row gives a reporting field (then confirming needs the consent attestation). */
  hasReporting: boolean;
}

export const ROWS_PER_BATCH = 1_000;

/**
 * Reads an enrolment file to its end: the header is matched (refusing a file that lacks a
 * required column), every row checked, and the rows handed on in batches as they are read — so
 * memory holds one batch, whatever the file's size. Refusals are thrown as 422 problems whose
 * `code` says why (not-csv, empty-file, missing-columns, too-many-rows).
 */
export async function readImportFile(
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  language: ImportLanguage,
  onBatch: (rows: ImportRow[]) => Promise<void>,
  batchSize = ROWS_PER_BATCH,
): Promise<ImportFileSummary> {
  const records = readCsvRecords(input);
  const first = await records.next();
  if (first.done) throw emptyFile();
  const header = matchHeaders(first.value);
  if (header.missing.length > 0) throw missingColumns(header.missing, language);
  const validator = new RowValidator(header.columns, language);
  const summary: ImportFileSummary = { totalRows: 0, invalidRows: 0, notices: [], hasReporting: false };
  if (header.unknown.length > 0)
    summary.notices.push({
      code: 'columns-ignored',
      columns: header.unknown,
      message: `These columns are not used and were ignored: ${header.unknown.map((name) => `"${name}"`).join(', ')}.`,
    });
  for (const name of header.repeated)
    summary.notices.push({
      code: 'column-repeated',
      columns: [name],
      message: `The column "${name}" appears more than once; only the first one was read.`,
    });
  const hasReportingColumn = header.columns.some((column) => column && REPORTING_COLUMNS.includes(column));

  let batch: ImportRow[] = [];
  for await (const cells of records) {
    summary.totalRows += 1;
    if (summary.totalRows > MAX_IMPORT_ROWS) throw tooManyRows();
    const row = validator.validate(summary.totalRows, cells);
    if (row.problems.length > 0) summary.invalidRows += 1;
    if (hasReportingColumn && row.reporting) summary.hasReporting = true;
    batch.push(row);
    if (batch.length >= batchSize) {
      await onBatch(batch);
      batch = [];
    }
  }
  if (summary.totalRows === 0) throw noRows();
  if (batch.length > 0) await onBatch(batch);
  return summary;
}

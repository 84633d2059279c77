import { ProblemException, type ProblemInit } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { COLUMN_HEADERS, type ImportColumn } from './import-columns.js';
import type { ImportLanguage } from './import-words.js';

/** Why a whole file is refused; clients (and the Studio's wording) tell them apart by `code`. */
export type RefusalCode = 'not-csv' | 'empty-file' | 'missing-columns' | 'too-many-rows';

export const MAX_IMPORT_ROWS = 100_000;

const SAVE_AS_CSV =
  'In Excel, LibreOffice or Google Sheets, save or download the sheet as "CSV UTF-8 (comma delimited)" and upload that file.';

export const refused = (code: RefusalCode, detail: string, extensions: ProblemInit['extensions'] = {}) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail,
    errors: [{ field: 'file', message: detail, in: 'body' }],
    extensions: { code, ...extensions },
  });

export const spreadsheetNotCsv = () =>
  refused('not-csv', `The file is an Excel workbook, not a CSV file. ${SAVE_AS_CSV}`);

export const binaryNotCsv = () =>
  refused('not-csv', `The file is not text: it holds bytes a CSV file cannot. ${SAVE_AS_CSV}`);

export const notUtf8 = (line: number) =>
  refused(
    'not-csv',
    `The file is not UTF-8 text (line ${line} has characters in another encoding). ${SAVE_AS_CSV}`,
  );

export const unreadableCsv = (line: number, reason: string) =>
  refused('not-csv', `The file could not be read as CSV at line ${line}: ${reason}.`, { line });

export const emptyFile = () =>
  refused(
    'empty-file',
    'The file is empty: its first line must name the columns, and each line after it is a person.',
  );

export const noRows = () =>
  refused('empty-file', 'The file names the columns but has no rows of people under them.');

export const missingColumns = (missing: ImportColumn[], language: ImportLanguage) => {
  const names = missing.map((column) => `"${COLUMN_HEADERS[language][column]}"`);
  return refused(
    'missing-columns',
    `The file has no ${names.join(', ')} column${missing.length > 1 ? 's' : ''}. ` +
      'Its first line must name the columns; download the template to see them.',
    { missingColumns: missing.map((column) => ({ column, header: COLUMN_HEADERS[language][column] })) },
  );
};

export const tooManyRows = () =>
  refused(
    'too-many-rows',
    `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows of people, the most one import takes. Split it into several files.`,
    { maxRows: MAX_IMPORT_ROWS },
  );

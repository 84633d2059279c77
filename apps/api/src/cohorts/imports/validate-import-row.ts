import { isEmail } from 'class-validator';
import { SENDABLE_EMAIL } from '../sendable-email.js';
import { countryCode } from './country-names.js';
import { COLUMN_HEADERS, type ImportColumn } from './import-columns.js';
import { IMPORT_LANGUAGES, wordKey, type ImportLanguage } from './import-words.js';
import { REPORTING_CHOICES, reportingValue, type ReportingChoiceField } from './reporting-values.js';

export const ROW_PROBLEM_CODES = [
  'email-invalid',
  'email-duplicate-in-file',
  'required-missing',
  'country-unknown',
  'language-unknown',
  'value-unknown',
  'too-long',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

export interface RowProblem {
  column: ImportColumn;
  code: RowProblemCode;
  message: string;
  /** For a duplicate: the row that has the same address first. */
  otherRowNumber?: number;
}

export interface ReportingFacts {
  sex: string | null;
  ageBand: string | null;
  disability: string | null;
  islandRegion: string | null;
}

/** One data row as read and checked. Values that failed a check are kept as typed, for the preview. */
export interface ImportRow {
  /** 1 = the first row after the header. */
  rowNumber: number;
  email: string;
  givenName: string;
  familyName: string;
  /** The alpha-2 code, or the cell as typed when it names no country; null when empty. */
  country: string | null;
  department: string | null;
  jobTitle: string | null;
  /** en, es or fr (the import's language when empty), or the cell as typed when unknown. */
  language: string;
  reporting: ReportingFacts | null;
  problems: RowProblem[];
}

/** The longest value each text column takes (the account's own limits). */
const MAX_LENGTH: Partial<Record<ImportColumn, number>> = {
  email: 254,
  given_name: 100,
  family_name: 100,
  department: 200,
  job_title: 200,
  island_region: 100,
};
/** What is kept of an over-long value: enough to find it in the spreadsheet. */
const KEPT_CHARS = 300;

const LANGUAGE_BY_KEY = (() => {
  const byKey = new Map<string, ImportLanguage>();
  for (const code of IMPORT_LANGUAGES) {
    byKey.set(code, code);
    for (const displayIn of IMPORT_LANGUAGES) {
      const name = new Intl.DisplayNames([displayIn], { type: 'language' }).of(code);
      if (name) byKey.set(wordKey(name), code);
    }
  }
  return byKey;
})();

/**
 * Checks the data rows of one file, in order: each row on its own, and each address against the
 * rows before it (the first row with an address is the one kept; later ones name it).
 */
export class RowValidator {
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    private readonly columns: Array<ImportColumn | null>,
    private readonly language: ImportLanguage,
  ) {}

  validate(rowNumber: number, cells: string[]): ImportRow {
    const problems: RowProblem[] = [];
    const cellOf = (column: ImportColumn): string => {
      const at = this.columns.indexOf(column);
      const value = at === -1 ? '' : (cells[at] ?? '').trim();
      const max = MAX_LENGTH[column];
      if (max !== undefined && value.length > max) {
        problems.push({
          column,
          code: 'too-long',
          message: `${this.header(column)} is ${value.length} characters long; at most ${max} are taken.`,
        });
        return value.slice(0, KEPT_CHARS);
      }
      return value;
    };
    const required = (column: ImportColumn) => {
      const value = cellOf(column);
      if (value === '')
        problems.push({ column, code: 'required-missing', message: `${this.header(column)} is empty.` });
      return value;
    };

    const email = required('email');
    if (email !== '' && !problems.some((p) => p.column === 'email'))
      this.checkEmail(rowNumber, email, problems);
    const givenName = required('given_name');
    const familyName = required('family_name');
    const country = this.country(cellOf('country'), problems);
    const department = cellOf('department') || null;
    const jobTitle = cellOf('job_title') || null;
    const language = this.languageOf(cellOf('language'), problems);
    const reporting = this.reporting(cellOf, problems);
    return {
      rowNumber,
      email,
      givenName,
      familyName,
      country,
      department,
      jobTitle,
      language,
      reporting,
      problems,
    };
  }

  private header(column: ImportColumn): string {
    return `"${COLUMN_HEADERS[this.language][column]}"`;
  }

  private checkEmail(rowNumber: number, email: string, problems: RowProblem[]): void {
    if (!isEmail(email) || !SENDABLE_EMAIL.test(email)) {
      problems.push({
        column: 'email',
        code: 'email-invalid',
        message: `"${email}" is not an e-mail address.`,
      });
      return;
    }
    const key = email.toLowerCase();
    const first = this.firstRowOf.get(key);
    if (first === undefined) {
      this.firstRowOf.set(key, rowNumber);
      return;
    }
    problems.push({
      column: 'email',
      code: 'email-duplicate-in-file',
      // Spreadsheet line = row number + 1: the header is line 1.
      message: `${email} is also on line ${first + 1} of the file; each person can be on one line only.`,
      otherRowNumber: first,
    });
  }

  private country(cell: string, problems: RowProblem[]): string | null {
    if (cell === '') return null;
    const code = countryCode(cell);
    if (code) return code;
    problems.push({
      column: 'country',
      code: 'country-unknown',
      message: `"${cell}" is not a country we know: write its name or its two-letter ISO code (e.g. FJ).`,
    });
    return cell.slice(0, KEPT_CHARS);
  }

  private languageOf(cell: string, problems: RowProblem[]): string {
    if (cell === '') return this.language;
    const code = LANGUAGE_BY_KEY.get(wordKey(cell));
    if (code) return code;
    problems.push({
      column: 'language',
      code: 'language-unknown',
      message: `"${cell}" is not a language invitations are sent in: write en, es or fr (or leave it empty).`,
    });
    return cell.slice(0, KEPT_CHARS);
  }

  private reporting(cellOf: (column: ImportColumn) => string, problems: RowProblem[]): ReportingFacts | null {
    const choice = (column: ReportingChoiceField) => {
      const cell = cellOf(column);
      if (cell === '') return null;
      const value = reportingValue(column, cell);
      if (value) return value;
      problems.push({
        column,
        code: 'value-unknown',
        message: `"${cell}" is not a value of ${this.header(column)}: write one of ${REPORTING_CHOICES[column].join(', ')} (or leave it empty).`,
      });
      return null;
    };
    const facts: ReportingFacts = {
      sex: choice('sex'),
      ageBand: choice('age_band'),
      disability: choice('disability'),
      islandRegion: cellOf('island_region') || null,
    };
    return Object.values(facts).some((value) => value !== null) ? facts : null;
  }
}

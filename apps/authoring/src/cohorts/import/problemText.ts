import type { TFunction } from 'i18next';
import type { ImportRow } from '../cohortTypes';

type RowProblem = ImportRow['problems'][number];

/** The values the template's reporting columns take (other languages' words are accepted too). */
const CHOICES: Partial<Record<RowProblem['column'], string>> = {
  sex: 'female, male, another, prefer_not_to_say',
  age_band: 'under_25, 25_34, 35_44, 45_54, 55_64, 65_plus, prefer_not_to_say',
  disability: 'yes, no, prefer_not_to_say',
};

/** The cell as typed, where the row answer carries it. */
function cellOf(row: ImportRow, column: RowProblem['column']): string {
  const cells: Partial<Record<RowProblem['column'], string | null>> = {
    email: row.email,
    given_name: row.givenName,
    family_name: row.familyName,
    country: row.country,
    department: row.department,
    job_title: row.jobTitle,
    language: row.language,
  };
  return cells[column] ?? '';
}

/**
 * What is wrong with a cell, in the reader's language (the API words it in English); a problem
 * this page does not know is shown as the API worded it.
 */
export function problemText(t: TFunction, row: ImportRow, problem: RowProblem): string {
  const column = t(`cohorts:import.columns.${problem.column}`);
  return t(`cohorts:import.problemCodes.${problem.code}`, {
    defaultValue: problem.message,
    column,
    value: cellOf(row, problem.column),
    line: problem.otherRowNumber === undefined ? '' : String(problem.otherRowNumber + 1),
    choices: CHOICES[problem.column] ?? '',
    interpolation: { escapeValue: false },
  });
}

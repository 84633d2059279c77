import type { ImportLanguage } from './import-words.js';
import type { RowProblem } from './validate-import-row.js';
import type { ImportNotice } from './read-import-file.js';

export const IMPORT_STATUSES = [
  'validating',
  'previewed',
  'rejected',
  'applying',
  'applied',
  'failed',
  'discarded',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ROW_OUTCOMES = ['new_account', 'existing_account', 'already_enrolled', 'invalid'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** A problem as stored and answered: RFC 9457 members plus the extensions (`code`…). */
export type StoredProblem = Record<string, unknown> & { status: number; detail: string };

export interface ImportView {
  id: string;
  cohortId: string;
  fileName: string;
  language: ImportLanguage;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  counts: { newAccounts: number; existingAccounts: number; alreadyEnrolled: number; invalid: number };
  hasReportingFields: boolean;
  notices: ImportNotice[];
  problem: StoredProblem | null;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
  appliedAt: string | null;
  result: AppliedCounts | null;
}

/** What confirming did, person by person, as CohortEnrolmentService counted it. */
export interface AppliedCounts {
  enrolled: number;
  invited: number;
  alreadyMember: number;
  alreadyInvited: number;
  skippedInvalid: number;
}

export interface ImportRowView {
  rowNumber: number;
  email: string;
  givenName: string;
  familyName: string;
  country: string | null;
  department: string | null;
  jobTitle: string | null;
  language: string;
  outcome: RowOutcome;
  problems: RowProblem[];
}

/** enrolment_import with its uploader's name, as IMPORT_COLUMNS selects it. */
export interface ImportRecord {
  id: string;
  cohort_id: string;
  file_name: string;
  language: ImportLanguage;
  status: ImportStatus;
  total_rows: number;
  processed_rows: number;
  new_accounts: number;
  existing_accounts: number;
  already_enrolled: number;
  invalid: number;
  has_reporting: boolean;
  notices: ImportNotice[];
  problem: StoredProblem | null;
  error: string | null;
  result: AppliedCounts | null;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  applied_at: Date | null;
}

export const IMPORT_COLUMNS_SQL = `i.id, i.cohort_id, i.file_name, i.language, i.status, i.total_rows, i.processed_rows,
  i.new_accounts, i.existing_accounts, i.already_enrolled, i.invalid, i.has_reporting, i.notices, i.problem,
  i.error, i.result, i.created_at, i.created_by, u.display_name AS created_by_name, i.applied_at`;

export const IMPORT_FROM_SQL = `enrolment_import i LEFT JOIN user_account u ON u.id = i.created_by`;

/** A job that stopped on an unexpected error says so in the same shape as a refusal. */
const failure = (error: string | null): StoredProblem => ({
  type: 'urn:archipelago:problem:internal-error',
  title: 'The import could not be finished',
  status: 500,
  detail: `Nothing was applied: ${error ?? 'the job stopped'}. Upload the file again, or confirm again.`,
  code: 'import-failed',
});

export const importView = (row: ImportRecord): ImportView => ({
  id: row.id,
  cohortId: row.cohort_id,
  fileName: row.file_name,
  language: row.language,
  status: row.status,
  totalRows: row.total_rows,
  processedRows: row.processed_rows,
  counts: {
    newAccounts: row.new_accounts,
    existingAccounts: row.existing_accounts,
    alreadyEnrolled: row.already_enrolled,
    invalid: row.invalid,
  },
  hasReportingFields: row.has_reporting,
  notices: row.notices,
  problem: row.problem ?? (row.status === 'failed' ? failure(row.error) : null),
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
  appliedAt: row.applied_at?.toISOString() ?? null,
  result: row.result,
});

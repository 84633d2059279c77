import type { Schemas } from '@archipelago/api-client';

/* The cohort and enrolment-import shapes the Studio shows, as the generated client names them. */

export type CohortStatus = 'open' | 'closed';
export const COHORT_STATUSES: CohortStatus[] = ['open', 'closed'];

export type CohortSummary = Schemas['CohortSummary'];
export type CohortView = Schemas['CohortView'];
export type MemberKind = Schemas['CohortMemberKind'];
export type CohortMemberRow = Schemas['CohortMemberView'];

export type ImportStatus = Schemas['EnrolmentImportStatus'];
export type ImportView = Schemas['ImportResponse'];
export type ImportRow = Schemas['ImportRowResponse'];
export type ImportCounts = Schemas['ImportCounts'];

/** Why a file was refused or an import failed, as the API describes it in `problem`. */
export interface ImportProblem {
  status?: number;
  detail?: string;
  code?: string;
}

export const importProblemOf = (view: ImportView): ImportProblem | null =>
  view.problem ? (view.problem as unknown as ImportProblem) : null;

/** The import is still being worked on in the background: poll it. */
export const isImportBusy = (status: ImportStatus) => status === 'validating' || status === 'applying';

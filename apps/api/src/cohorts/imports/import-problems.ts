import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import type { ImportStatus } from './import-view.js';

export const importNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no enrolment import ${id} of a cohort that you administer.`,
    extensions: { code: 'import-not-found' },
  });

const WHY_NOT_CONFIRMABLE: Partial<Record<ImportStatus, string>> = {
  validating: 'its rows are still being checked; wait for the preview',
  rejected: 'the file was refused; upload a corrected file',
  applying: 'it has been confirmed and is being applied',
  applied: 'it has already been confirmed and applied',
  discarded: 'it was discarded; upload the file again',
};

export const notConfirmable = (status: ImportStatus) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `This import cannot be confirmed: ${WHY_NOT_CONFIRMABLE[status] ?? status}.`,
    extensions: {
      code: status === 'applying' || status === 'applied' ? 'already-confirmed' : 'not-previewed',
      importStatus: status,
    },
  });

export const notDiscardable = (status: ImportStatus) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail:
      status === 'applied'
        ? 'This import has been applied; the people it enrolled stay in the cohort (remove them one by one).'
        : status === 'applying'
          ? 'This import is being applied and can no longer be discarded.'
          : 'This import is already discarded.',
    extensions: { code: 'not-discardable', importStatus: status },
  });

export const rowsHaveProblems = (invalid: number) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: `${invalid} row${invalid === 1 ? ' has' : 's have'} problems. Upload a corrected file, or confirm with skipInvalidRows to enrol everyone else.`,
    errors: [
      {
        field: 'skipInvalidRows',
        message: 'skipInvalidRows must be true while rows have problems',
        in: 'body',
      },
    ],
    extensions: { code: 'rows-have-problems', invalid },
  });

export const reportingConsentRequired = () =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail:
      'The file gives sex, age band, disability or island/region for some people. Confirm with reportingConsent ' +
      'to attest that each of them agreed to these facts being recorded for anonymous reports, or remove those columns.',
    errors: [{ field: 'reportingConsent', message: 'reportingConsent must be true', in: 'body' }],
    extensions: { code: 'reporting-consent-required' },
  });

export const fileTooLarge = (limit: number) =>
  new ProblemException({
    status: 413,
    type: ProblemType.PayloadTooLarge,
    detail: `The file is larger than ${Math.round(limit / (1024 * 1024))} MB, the largest enrolment file accepted. Split it into several files.`,
    errors: [
      { field: 'file', message: `file must be at most ${Math.round(limit / (1024 * 1024))} MB`, in: 'body' },
    ],
    extensions: { limitBytes: limit },
  });

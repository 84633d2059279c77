import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../common/problem/problem-details.js';
import type { Cohort } from './cohort.entity.js';

/** The answers cohort routes share; `code` lets a client tell them apart without reading the text. */

export const cohortNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no cohort ${id} that you may see.`,
    extensions: { code: 'cohort-not-found' },
  });

export const cohortClosed = (cohort: Cohort) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `The cohort "${cohort.name}" is closed: it can be read but no longer changed.`,
    extensions: { code: 'cohort-closed' },
  });

export const manageForbidden = () =>
  new ProblemException({
    status: 403,
    type: ProblemType.Forbidden,
    detail: "Facilitators may follow this cohort; only its institution's administrators may change it.",
  });

const formatInstant = (date: Date) =>
  date
    .toISOString()
    .replace(/:\d\d\.\d{3}Z$/, ' UTC')
    .replace('T', ' ');

export function outsideWindow(cohort: Cohort, now: Date): ProblemException {
  const opens = cohort.enrolmentOpensAt;
  const closes = cohort.enrolmentClosesAt;
  const window =
    opens && closes
      ? `from ${formatInstant(opens)} to ${formatInstant(closes)}`
      : opens
        ? `from ${formatInstant(opens)}`
        : `until ${formatInstant(closes!)}`;
  const when = opens && now < opens ? 'has not opened yet' : 'has closed';
  return new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `Enrolment in "${cohort.name}" ${when}: people may be added ${window}. An administrator can widen the enrolment window first.`,
    extensions: {
      code: 'enrolment-window',
      enrolmentOpensAt: opens?.toISOString() ?? null,
      enrolmentClosesAt: closes?.toISOString() ?? null,
    },
  });
}

export const invalidCohort = (detail: string, errors: FieldError[], code = 'invalid-cohort') =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail,
    errors,
    extensions: { code },
  });

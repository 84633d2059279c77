import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../../common/problem/problem-details.js';
import type { AssessmentStatus } from './assessment.entity.js';

/** The answers assessment routes share; `code` lets a client tell them apart without reading the text. */

export const assessmentNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no assessment ${id} that you may see.`,
    extensions: { code: 'assessment-not-found' },
  });

export const STATUS_NAMES: Record<AssessmentStatus, string> = {
  draft: 'a draft',
  individual: 'in its individual round',
  consensus: 'in its consensus round',
  completed: 'completed',
};

const ORDER: AssessmentStatus[] = ['draft', 'individual', 'consensus', 'completed'];

/**
 * 409 for an action the assessment's status does not allow: `assessment-completed` once it is
 * final, `round-not-reached` while it has not yet got to the earliest status that allows it, else
 * `round-closed` (the round that allowed it is over).
 */
export function wrongStatus(
  status: AssessmentStatus,
  allowed: AssessmentStatus[],
  action: string,
): ProblemException {
  const earliest = Math.min(...allowed.map((s) => ORDER.indexOf(s)));
  const code =
    status === 'completed'
      ? 'assessment-completed'
      : ORDER.indexOf(status) < earliest
        ? 'round-not-reached'
        : 'round-closed';
  const when = allowed.map((s) => STATUS_NAMES[s]).join(' or ');
  return new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `You cannot ${action}: the assessment is ${STATUS_NAMES[status]}, and this is only possible while it is ${when}.`,
    extensions: { code, assessmentStatus: status, allowed },
  });
}

export const invalidAssessment = (detail: string, errors: FieldError[], code: string) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail,
    errors,
    extensions: { code },
  });

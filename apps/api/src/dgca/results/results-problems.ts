import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';

/** The answers consensus and results routes add to the assessments' (`code` tells them apart). */

export const statementNotFound = (statementId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `This assessment's framework version has no statement ${statementId}.`,
    extensions: { code: 'statement-not-found' },
  });

export const resultsNotReady = () =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: 'The results are shared with participants once the assessment is completed.',
    extensions: { code: 'results-not-ready' },
  });

export const consensusChoiceMissing = () =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: 'Give either the agreed value or dontKnow: true, not both and not neither.',
    errors: [{ field: 'value', message: 'give exactly one of value or dontKnow: true', in: 'body' }],
    extensions: { code: 'consensus-choice' },
  });

export const consensusOutOfScale = (value: number, allowed: number[]) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: `${value} is not a level of this assessment's scale: give one of ${allowed.join(', ')}, or dontKnow: true.`,
    errors: [{ field: 'value', message: `value must be one of ${allowed.join(', ')}`, in: 'body' }],
    extensions: { code: 'rating-out-of-scale', allowed },
  });

export const versionNotFound = (versionId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no published framework version ${versionId}.`,
    extensions: { code: 'version-not-found' },
  });

import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../../common/problem/problem-details.js';

/** The answers action-plan routes share; `code` lets a client tell them apart without reading the text. */

export const actionNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no action ${id} that you may see.`,
    extensions: { code: 'action-not-found' },
  });

export const staleAction = (yours: number, current: unknown, currentRevision: number) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `Someone saved this action in the meantime (revision ${currentRevision}, yours is ${yours}). Nothing was changed; review the current action and try again.`,
    errors: [{ field: 'revision', message: 'revision is not the current one', in: 'body' }],
    extensions: { code: 'stale-version', current },
  });

export const invalidAction = (detail: string, errors: FieldError[], code: string) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail,
    errors,
    extensions: { code },
  });

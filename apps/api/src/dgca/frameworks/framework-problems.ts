import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType, type FieldError } from '../../common/problem/problem-details.js';

/** The answers framework routes share; `code` lets a client tell them apart without reading the text. */

export const frameworkNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no DGCA framework ${id}.`,
    extensions: { code: 'framework-not-found' },
  });

export const versionNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no DGCA framework version ${id}.`,
    extensions: { code: 'framework-version-not-found' },
  });

export const frameworkNameTaken = (name: string) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `Another framework is already called "${name}"; choose another name.`,
    errors: [{ field: 'name', message: 'name is already taken', in: 'body' }],
    extensions: { code: 'framework-name-taken' },
  });

export const versionPublished = (number: number) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `Version ${number} is published and can no longer change, because assessments may be taken on it. Start a new draft instead.`,
    extensions: { code: 'version-published' },
  });

export const draftExists = (versionId: string, number: number) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `The framework already has a draft (version ${number}); edit or delete it first.`,
    extensions: { code: 'draft-exists', versionId },
  });

export const staleVersion = (expected: number, current: number) =>
  new ProblemException({
    status: 409,
    type: ProblemType.Conflict,
    detail: `The draft was saved meanwhile (revision ${current}, not ${expected}): reload it and apply your changes again.`,
    extensions: { code: 'stale-version', current },
  });

export const invalidFramework = (errors: FieldError[], code = 'invalid-framework') =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: errors.map((error) => `${error.field}: ${error.message}`).join('; '),
    errors,
    extensions: { code },
  });

import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ProblemException } from './problem.exception.js';
import { ProblemType, type FieldError } from './problem-details.js';

class InvalidInput extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid input');
  }
}

function flatten(errors: ValidationError[], location: FieldError['in'], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message, in: location }));
    return [...own, ...flatten(error.children ?? [], location, field)];
  });
}

const LOCATION: Record<ArgumentMetadata['type'], FieldError['in']> = {
  body: 'body',
  query: 'query',
  param: 'params',
  custom: 'body',
};

/**
 * Validates every DTO at the edge and answers with a problem that names each bad field and where
 * it was. Unknown properties are refused rather than dropped, so a client's typo is reported.
 */
export class ProblemValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new InvalidInput(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const errors = flatten(error.errors, LOCATION[metadata.type]);
      throw new ProblemException({
        status: 400,
        type: ProblemType.ValidationFailed,
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      });
    }
  }
}

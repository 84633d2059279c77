import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from '../problem/problem.exception.js';
import { ProblemType } from '../problem/problem-details.js';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => {
        const message = `${name} must be a UUID`;
        return new ProblemException({
          status: 400,
          type: ProblemType.ValidationFailed,
          detail: `${name}: ${message}`,
          errors: [{ field: name, message, in: 'params' }],
        });
      },
    }),
  );

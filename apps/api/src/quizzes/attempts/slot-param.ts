import { Param, ParseIntPipe } from '@nestjs/common';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';

/** The `:slot` path parameter: a whole number from 1; anything else is a 400 naming it. */
export const SlotParam = () =>
  Param(
    'slot',
    new ParseIntPipe({
      exceptionFactory: () =>
        new ProblemException({
          status: 400,
          type: ProblemType.ValidationFailed,
          detail: 'slot: slot must be a whole number',
          errors: [{ field: 'slot', message: 'slot must be a whole number', in: 'params' }],
        }),
    }),
  );

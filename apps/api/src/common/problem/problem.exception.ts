import { HttpException } from '@nestjs/common';
import { problemTitleFor, type FieldError } from './problem-details.js';

export interface ProblemInit {
  status: number;
  type: string;
  detail: string;
  errors?: FieldError[];
  /** Extra members that help a client act, such as `retryAfterSeconds`. */
  extensions?: Record<string, unknown>;
}

/** Thrown by services when a request fails for a reason the caller can act on. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super({ ...problem, title: problemTitleFor(problem.type) }, problem.status);
  }
}

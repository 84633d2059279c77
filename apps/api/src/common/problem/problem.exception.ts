import { HttpException } from '@nestjs/common';
import { problemTitleFor, type FieldError } from './problem-details.js';

type StandardMember = 'type' | 'title' | 'status' | 'detail' | 'instance' | 'errors';

export interface ProblemInit {
  status: number;
  type: string;
  detail: string;
  errors?: FieldError[];
  /**
   * Extra members that help a client act, such as `retryAfterSeconds`. They sit beside the
   * standard members, so they may not reuse their names: an extension called `status` once
   * replaced the HTTP status in the body, and clients read the answer as an unknown error.
   */
  extensions?: Record<string, unknown> & { [K in StandardMember]?: never };
}

/** Thrown by services when a request fails for a reason the caller can act on. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super({ ...problem, title: problemTitleFor(problem.type) }, problem.status);
  }
}

import { HttpException } from '@nestjs/common';
import { ProblemType, problemTitleFor, problemTypeFor, type ProblemDetails } from './problem-details.js';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** What the body parser and router say, in words a client developer can act on. */
const FASTIFY_ERRORS: Record<string, { status: number; type: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    type: ProblemType.UnsupportedMediaType,
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    type: ProblemType.PayloadTooLarge,
    detail: 'The request body is larger than this endpoint accepts.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    type: ProblemType.MalformedJson,
    detail: 'The content type is application/json but the body is empty.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    type: ProblemType.BadRequest,
    detail: 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    type: ProblemType.MalformedJson,
    detail: 'The request body is not valid JSON.',
  },
};

export interface ProblemResponse {
  status: number;
  body: ProblemDetails;
  headers?: Record<string, string>;
  /** True when the error is ours, not the caller's: log it with its stack. */
  unexpected: boolean;
}

export function toProblem(thrown: unknown, instance: string, requestId: string): ProblemResponse {
  const base = { instance, requestId };
  // Nest wraps the body parser's errors in an HttpException; their code says more than the wrapper.
  const cause = thrown instanceof HttpException ? (thrown.cause as FastifyLikeError | undefined) : undefined;
  const error = cause?.code && FASTIFY_ERRORS[cause.code] ? cause : thrown;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const given =
      typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const type = typeof given.type === 'string' ? given.type : problemTypeFor(status);
    const detail =
      typeof given.detail === 'string'
        ? given.detail
        : typeof given.message === 'string'
          ? given.message
          : Array.isArray(given.message)
            ? given.message.join('; ')
            : error.message;
    const { extensions, ...rest } = given as { extensions?: Record<string, unknown>; errors?: unknown };
    const headers =
      typeof extensions?.retryAfterSeconds === 'number'
        ? { 'retry-after': String(extensions.retryAfterSeconds) }
        : undefined;
    // The standard members come last so that no extension can overwrite them.
    const body: ProblemDetails = {
      ...(extensions ?? {}),
      type,
      title: problemTitleFor(type),
      status,
      detail,
      ...base,
      ...(Array.isArray(rest.errors) ? { errors: rest.errors } : {}),
    };
    return { status, body, headers, unexpected: status >= 500 && status !== 503 };
  }
  const fastifyError = error as FastifyLikeError;
  const known = fastifyError?.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) {
    return {
      status: known.status,
      body: {
        type: known.type,
        title: problemTitleFor(known.type),
        status: known.status,
        detail: known.detail,
        ...base,
      },
      unexpected: false,
    };
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = problemTypeFor(status);
    return {
      status,
      body: { type, title: problemTitleFor(type), status, detail: fastifyError.message ?? '', ...base },
      unexpected: false,
    };
  }
  const type = ProblemType.Internal;
  return {
    status: 500,
    body: {
      type,
      title: problemTitleFor(type),
      status: 500,
      detail: 'Something went wrong on our side. It has been logged; quote the request id if you report it.',
      ...base,
    },
    unexpected: true,
  };
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field that failed validation: where it is and what is wrong with it. */
export class FieldError {
  @ApiProperty({ example: 'pageSize', description: 'The field, as a dotted path into the request.' })
  field!: string;

  @ApiProperty({ example: 'pageSize must not be greater than 100' })
  message!: string;

  @ApiProperty({ enum: ['body', 'query', 'params'], example: 'query' })
  in!: 'body' | 'query' | 'params';
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:archipelago:problem:validation-failed' })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'pageSize must not be greater than 100' })
  detail?: string;

  @ApiPropertyOptional({ example: '/api/institutions' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Quote it when reporting a problem: it finds the log lines.' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldError] })
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem types Archipelago answers with; docs/api.md explains each one. */
export const ProblemType = {
  BadRequest: 'urn:archipelago:problem:bad-request',
  MalformedJson: 'urn:archipelago:problem:malformed-json',
  ValidationFailed: 'urn:archipelago:problem:validation-failed',
  InvalidDocument: 'urn:archipelago:problem:invalid-document',
  NotPublishable: 'urn:archipelago:problem:not-publishable',
  EnrolmentClosed: 'urn:archipelago:problem:enrolment-closed',
  Unauthenticated: 'urn:archipelago:problem:unauthenticated',
  Forbidden: 'urn:archipelago:problem:forbidden',
  NotFound: 'urn:archipelago:problem:not-found',
  MethodNotAllowed: 'urn:archipelago:problem:method-not-allowed',
  Conflict: 'urn:archipelago:problem:conflict',
  Gone: 'urn:archipelago:problem:gone',
  PayloadTooLarge: 'urn:archipelago:problem:payload-too-large',
  UnsupportedMediaType: 'urn:archipelago:problem:unsupported-media-type',
  ScormPackageRefused: 'urn:archipelago:problem:scorm-package-refused',
  TooManyRequests: 'urn:archipelago:problem:too-many-requests',
  Unavailable: 'urn:archipelago:problem:service-unavailable',
  Internal: 'urn:archipelago:problem:internal-error',
} as const;

const TYPE_BY_STATUS: Record<number, string> = {
  400: ProblemType.BadRequest,
  401: ProblemType.Unauthenticated,
  403: ProblemType.Forbidden,
  404: ProblemType.NotFound,
  405: ProblemType.MethodNotAllowed,
  409: ProblemType.Conflict,
  410: ProblemType.Gone,
  413: ProblemType.PayloadTooLarge,
  415: ProblemType.UnsupportedMediaType,
  422: ProblemType.ValidationFailed,
  429: ProblemType.TooManyRequests,
  503: ProblemType.Unavailable,
};

const TITLE_BY_TYPE: Record<string, string> = {
  [ProblemType.BadRequest]: 'The request is not valid',
  [ProblemType.MalformedJson]: 'The request body is not valid JSON',
  [ProblemType.ValidationFailed]: 'The request is not valid',
  [ProblemType.InvalidDocument]: 'The document is not valid',
  [ProblemType.NotPublishable]: 'The course cannot be published yet',
  [ProblemType.EnrolmentClosed]: 'You cannot enrol yourself in this course',
  [ProblemType.Unauthenticated]: 'Sign-in required',
  [ProblemType.Forbidden]: 'Not allowed',
  [ProblemType.NotFound]: 'Not found',
  [ProblemType.MethodNotAllowed]: 'Method not allowed',
  [ProblemType.Conflict]: 'Conflict with the current state',
  [ProblemType.Gone]: 'No longer available',
  [ProblemType.PayloadTooLarge]: 'The request body is too large',
  [ProblemType.UnsupportedMediaType]: 'Unsupported content type',
  [ProblemType.ScormPackageRefused]: 'The SCORM package cannot be imported',
  [ProblemType.TooManyRequests]: 'Too many requests',
  [ProblemType.Unavailable]: 'Service unavailable',
  [ProblemType.Internal]: 'Internal error',
};

export function problemTypeFor(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? ProblemType.Internal : ProblemType.BadRequest);
}

export function problemTitleFor(type: string): string {
  return TITLE_BY_TYPE[type] ?? 'Error';
}

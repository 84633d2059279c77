import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PrintableText, trim } from '../common/validation/text-rules.js';

export const MAX_REASON_LENGTH = 500;

/**
 * Why an administrator issues, declines, revokes, re-issues or starts a batch: required, kept in
 * the audit log (and shown publicly only where the administrator chooses), 1–500 characters
 * once trimmed, as the database's checks allow.
 */
export const ReasonField = (description?: string) =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength: MAX_REASON_LENGTH, ...(description ? { description } : {}) }),
    Transform(trim),
    IsString(),
    MinLength(1, { message: 'reason must not be empty' }),
    MaxLength(MAX_REASON_LENGTH),
    PrintableText('reason'),
  );

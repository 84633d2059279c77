import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/*
 * What certificates print and publish (names, titles, reasons) is text people read. PostgreSQL
 * text cannot hold a NUL at all (the insert would fail as a 500), and other control characters
 * would be drawn as nothing or as boxes on the PDF, or hide in the public verification page.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
// eslint-disable-next-line no-control-regex -- as above, but line breaks and tabs are kept
const PARAGRAPHS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;

/** A name or title printed on one line: no control characters, no line breaks. */
export const PrintableLine = (field: string) =>
  Matches(ONE_LINE, { message: `${field} must be one line without control characters` });

/** Free text such as a reason or a template's wording: line breaks and tabs, no other control characters. */
export const PrintableText = (field: string) =>
  Matches(PARAGRAPHS, { message: `${field} must not contain control characters` });

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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

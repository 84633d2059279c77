import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

/*
 * Text people read (names, titles, certificates, notes) is refused with control characters:
 * PostgreSQL text cannot hold a NUL at all (the insert would fail as a 500), and other control
 * characters would be drawn as nothing or as boxes on a PDF, or hide in a public page.
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

/** Optional in a PATCH, but null is refused rather than written (the column is required). */
export const sent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

const TrimmedText = (field: string, maxLength: number) =>
  applyDecorators(
    Transform(trim),
    IsString({ message: `${field} must be text` }),
    MinLength(1, { message: `${field} must not be empty` }),
    MaxLength(maxLength, { message: `${field} must be at most ${maxLength} characters` }),
  );

/** A name or title: trimmed, 1 to maxLength characters, on one line. */
export const RequiredLine = (field: string, maxLength: number) =>
  applyDecorators(TrimmedText(field, maxLength), PrintableLine(field));

/** A required paragraph such as a statement: trimmed, 1 to maxLength characters, line breaks allowed. */
export const RequiredText = (field: string, maxLength: number) =>
  applyDecorators(TrimmedText(field, maxLength), PrintableText(field));

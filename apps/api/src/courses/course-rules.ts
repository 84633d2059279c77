import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Min, ValidateIf } from 'class-validator';
import { trim } from '../common/validation/text-rules.js';

/** Optional, and null clears the (nullable) column. */
export const clearable = () =>
  ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

export const TitleRules = () =>
  applyDecorators(
    Transform(trim),
    IsString({ message: 'title must be text' }),
    Length(1, 200, { message: 'title must be between 1 and 200 characters' }),
  );
/** A list of short texts, such as outcomes or topics. */
export const TextListRules = (field: string, maxItems: number, maxLength: number) =>
  applyDecorators(
    IsArray({ message: `${field} must be a list` }),
    ArrayMaxSize(maxItems, { message: `${field} may hold at most ${maxItems} items` }),
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value,
    ),
    IsString({ each: true, message: `each of ${field} must be text` }),
    Length(1, maxLength, { each: true, message: `each of ${field} must be 1 to ${maxLength} characters` }),
  );
export const RevisionRules = () =>
  applyDecorators(
    ApiProperty({
      example: 3,
      description:
        'The course revision the change is based on; a stale one gets a 409 with the current course.',
    }),
    IsInt({ message: 'revision must be a whole number' }),
    Min(1, { message: 'revision must be at least 1' }),
  );

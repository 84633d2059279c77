import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { ApiToken } from './api-token.entity.js';
import type { TokenScope } from './auth-context.js';

export const TOKEN_SCOPES: TokenScope[] = ['read', 'write'];

export class CreateApiTokenRequest {
  @ApiProperty({ example: 'HR system sync', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: TOKEN_SCOPES,
    isArray: true,
    example: ['read'],
    description: '`read` for GET requests only; `write` for changes too.',
  })
  @IsArray()
  @ArrayNotEmpty({ message: 'scopes must name at least one scope' })
  @ArrayMaxSize(2)
  @ArrayUnique({ message: 'scopes must not repeat a scope' })
  @IsIn(TOKEN_SCOPES, { each: true, message: 'each scope must be read or write' })
  scopes!: TokenScope[];

  @ApiProperty({ minimum: 1, maximum: 365, example: 90 })
  @Type(() => Number)
  @IsInt({ message: 'expiresInDays must be a whole number' })
  @Min(1)
  @Max(365)
  expiresInDays!: number;
}

export class ApiTokenView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    example: 'arch_x1Y2z3',
    description: 'The first characters of the token, to tell tokens apart.',
  })
  prefix!: string;

  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true })
  scopes!: TokenScope[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastUsedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt!: string | null;

  static from(token: ApiToken): ApiTokenView {
    const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
    return {
      id: token.id,
      name: token.name,
      prefix: token.prefix,
      scopes: token.scopes,
      createdAt: new Date(token.createdAt).toISOString(),
      expiresAt: new Date(token.expiresAt).toISOString(),
      lastUsedAt: iso(token.lastUsedAt),
      revokedAt: iso(token.revokedAt),
    };
  }
}

export class CreatedApiTokenResponse extends ApiTokenView {
  @ApiProperty({
    example: 'arch_x1Y2z3…',
    description: 'Send it as `Authorization: Bearer <token>`. Shown this once only: it is not stored.',
  })
  token!: string;
}

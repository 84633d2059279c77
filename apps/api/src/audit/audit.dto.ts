import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import type { AuditEvent } from './audit-event.entity.js';

export class AuditEventQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'auth.',
    description: 'Actions starting with this text, e.g. `auth.` or `auth.sign_in`.',
  })
  @IsOptional()
  @Matches(/^[a-z_.]{1,60}$/, { message: 'action must be lowercase letters, dots and underscores' })
  action?: string;

  @ApiPropertyOptional({ description: 'E-mail of the person who acted.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventView {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: 'auth.sign_in' })
  action!: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  actorId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  actorEmail!: string | null;

  @ApiProperty({ nullable: true, type: String })
  targetType!: string | null;

  @ApiProperty({ nullable: true, type: String })
  targetId!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  institutionId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  ip!: string | null;

  @ApiProperty({ nullable: true, type: String })
  userAgent!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;

  static from(event: AuditEvent): AuditEventView {
    return { ...event, occurredAt: new Date(event.occurredAt).toISOString() };
  }
}

export class AuditEventPage extends PageMeta {
  @ApiProperty({ type: [AuditEventView] })
  items!: AuditEventView[];
}

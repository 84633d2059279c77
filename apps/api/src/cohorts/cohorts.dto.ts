import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PrintableText, RequiredLine, trim } from '../common/validation/text-rules.js';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import type { CohortStatus } from './cohort.entity.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 allows a signed, extended year (+2026-…) that JavaScript's Date cannot read: refused. */
const FOUR_DIGIT_YEAR = /^\d{4}-/;
const STATUSES: CohortStatus[] = ['open', 'closed'];

export class CohortListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cohorts of this institution.' })
  @IsOptional()
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cohorts that include this course.' })
  @IsOptional()
  @IsUUID('all', { message: 'courseId must be a UUID' })
  courseId?: string;

  @ApiPropertyOptional({ enum: STATUSES, enumName: 'CohortStatus' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: CohortStatus;

  @ApiPropertyOptional({ description: 'Part of the name, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CohortInstitutionRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class CohortSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: CohortInstitutionRef })
  institution!: CohortInstitutionRef;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startsOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn!: string | null;

  @ApiProperty({ enum: STATUSES, enumName: 'CohortStatus' })
  status!: CohortStatus;

  @ApiProperty()
  courseCount!: number;

  @ApiProperty()
  memberCount!: number;

  @ApiProperty({ description: 'People invited who have not accepted yet.' })
  inviteeCount!: number;
}

export class CohortPage extends PageMeta {
  @ApiProperty({ type: [CohortSummary] })
  items!: CohortSummary[];
}

export class DeadlineInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'courseId must be a UUID' })
  courseId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'moduleId must be a UUID' })
  moduleId!: string;

  @ApiProperty({ format: 'date', example: '2026-03-31' })
  @Matches(DAY, { message: 'dueOn must be a day (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'dueOn must be a day (YYYY-MM-DD)' })
  dueOn!: string;
}

/** Fields shared by creating and editing; on edit, a field left out is unchanged and null clears it. */
class CohortFields {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  @PrintableText('description')
  description?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-02-02' })
  @IsOptional()
  @Matches(DAY, { message: 'startsOn must be a day (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a day (YYYY-MM-DD)' })
  startsOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-04-30' })
  @IsOptional()
  @Matches(DAY, { message: 'endsOn must be a day (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a day (YYYY-MM-DD)' })
  endsOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'From when people may be added; no limit when null.',
  })
  @IsOptional()
  @Matches(FOUR_DIGIT_YEAR, { message: 'enrolmentOpensAt must be a date and time (ISO 8601)' })
  @IsISO8601({ strict: true }, { message: 'enrolmentOpensAt must be a date and time (ISO 8601)' })
  enrolmentOpensAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when people may be added; no limit when null.',
  })
  @IsOptional()
  @Matches(FOUR_DIGIT_YEAR, { message: 'enrolmentClosesAt must be a date and time (ISO 8601)' })
  @IsISO8601({ strict: true }, { message: 'enrolmentClosesAt must be a date and time (ISO 8601)' })
  enrolmentClosesAt?: string | null;
}

export class CreateCohortRequest extends CohortFields {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId!: string;

  @ApiProperty({ maxLength: 200, example: 'Procurement officers, spring 2026' })
  @RequiredLine('name', 200)
  name!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'courseIds must be a list' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of courseIds must be a UUID' })
  courseIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'facilitatorIds must be a list' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of facilitatorIds must be a UUID' })
  facilitatorIds!: string[];
}

export class UpdateCohortRequest extends CohortFields {
  @ApiProperty({ description: 'The version you read; a newer one means someone saved meanwhile (409).' })
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @RequiredLine('name', 200)
  name?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Adding a course enrols the members in it.',
  })
  @IsOptional()
  @IsArray({ message: 'courseIds must be a list' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of courseIds must be a UUID' })
  courseIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: 'facilitatorIds must be a list' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of facilitatorIds must be a UUID' })
  facilitatorIds?: string[];

  @ApiPropertyOptional({ type: [DeadlineInput], description: 'Replaces every deadline.' })
  @IsOptional()
  @IsArray({ message: 'deadlines must be a list' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DeadlineInput)
  deadlines?: DeadlineInput[];
}

export class CohortModuleView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  position!: number;
}

export class CohortCourseView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [CohortModuleView] })
  modules!: CohortModuleView[];
}

export class CohortPersonView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;
}

export class DeadlineView {
  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ format: 'uuid' })
  moduleId!: string;

  @ApiProperty({ format: 'date' })
  dueOn!: string;
}

export class CohortView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: CohortInstitutionRef })
  institution!: CohortInstitutionRef;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startsOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enrolmentOpensAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enrolmentClosesAt!: string | null;

  @ApiProperty({ enum: STATUSES, enumName: 'CohortStatus' })
  status!: CohortStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ description: 'Send it back when editing.' })
  version!: number;

  @ApiProperty({ type: [CohortCourseView] })
  courses!: CohortCourseView[];

  @ApiProperty({ type: [CohortPersonView] })
  facilitators!: CohortPersonView[];

  @ApiProperty({ type: [DeadlineView] })
  deadlines!: DeadlineView[];

  @ApiProperty()
  memberCount!: number;

  @ApiProperty()
  inviteeCount!: number;

  @ApiProperty({
    description: 'Whether the caller may change the cohort (administrators, while it is open).',
  })
  canManage!: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PrintableText, RequiredLine, trim } from '../../common/validation/text-rules.js';
import { PageMeta, PageQuery } from '../../common/pagination/page.dto.js';
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_SUBJECTS,
  type AssessmentStatus,
  type AssessmentSubject,
} from './assessment.entity.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class AssessmentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  @IsOptional()
  @IsIn(ASSESSMENT_STATUSES, { message: `status must be one of ${ASSESSMENT_STATUSES.join(', ')}` })
  status?: AssessmentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the assessments this institution runs.' })
  @IsOptional()
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId?: string;

  @ApiPropertyOptional({ description: 'Part of the title, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class AssessmentInstitutionRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class AssessmentFrameworkRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ example: 1 })
  number!: number;
}

export class AssessmentSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ASSESSMENT_SUBJECTS, enumName: 'AssessmentSubject' })
  subject!: AssessmentSubject;

  @ApiProperty({ example: 'LC', description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @ApiProperty({ type: AssessmentInstitutionRef, description: 'The institution that runs it.' })
  institution!: AssessmentInstitutionRef;

  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  status!: AssessmentStatus;

  @ApiProperty({ type: AssessmentFrameworkRef })
  framework!: AssessmentFrameworkRef;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startsOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  individualDueOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  consensusOn!: string | null;

  @ApiProperty({ description: 'People taking part (with an account).' })
  participants!: number;

  @ApiProperty({ description: 'Participants who have answered every statement.' })
  answeredAll!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class AssessmentPage extends PageMeta {
  @ApiProperty({ type: [AssessmentSummary] })
  items!: AssessmentSummary[];
}

export class AssessmentRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
}

export class AssessmentView extends AssessmentSummary {
  @ApiProperty()
  description!: string;

  @ApiProperty({
    type: AssessmentRef,
    nullable: true,
    description: 'The earlier assessment the results are compared with.',
  })
  previous!: AssessmentRef | null;

  @ApiProperty({
    description: 'Whether its completed results may count in the anonymous regional aggregate.',
  })
  regionalOptIn!: boolean;

  @ApiProperty({
    description: 'Send it back with a change; a newer one means someone saved meanwhile (409).',
  })
  revision!: number;

  @ApiProperty({ description: 'Statements of its framework version.' })
  statements!: number;

  @ApiProperty({ description: 'People invited by e-mail who have not accepted yet.' })
  invitees!: number;

  @ApiProperty({ description: 'Participants who have said they are done.' })
  submitted!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  individualOpenedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  consensusOpenedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** Fields shared by creating and editing; on edit, a field left out is unchanged and null clears it. */
class AssessmentFields {
  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(4000, { message: 'description must be at most 4000 characters' })
  @PrintableText('description')
  description?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-03-02' })
  @IsOptional()
  @Matches(DAY, { message: 'startsOn must be a day (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a day (YYYY-MM-DD)' })
  startsOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-03-20' })
  @IsOptional()
  @Matches(DAY, { message: 'individualDueOn must be a day (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'individualDueOn must be a day (YYYY-MM-DD)' })
  individualDueOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-03-27' })
  @IsOptional()
  @Matches(DAY, { message: 'consensusOn must be a day (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'consensusOn must be a day (YYYY-MM-DD)' })
  consensusOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A completed assessment you manage, of the same subject and country, to compare with.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'previousAssessmentId must be a UUID' })
  previousAssessmentId?: string | null;
}

export class CreateAssessmentRequest extends AssessmentFields {
  @ApiProperty({ format: 'uuid', description: 'The institution that runs it (one you administer).' })
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId!: string;

  @ApiProperty({ enum: ASSESSMENT_SUBJECTS, enumName: 'AssessmentSubject' })
  @IsIn(ASSESSMENT_SUBJECTS, { message: `subject must be one of ${ASSESSMENT_SUBJECTS.join(', ')}` })
  subject!: AssessmentSubject;

  @ApiPropertyOptional({
    example: 'LC',
    description: "ISO 3166-1 alpha-2; the institution's country by default.",
  })
  @IsOptional()
  @Transform(upper)
  @Matches(COUNTRY, { message: 'country must be a two-letter country code (ISO 3166-1)' })
  country?: string;

  @ApiProperty({ maxLength: 200, example: 'Saint Lucia digital government self-assessment 2026' })
  @RequiredLine('title', 200)
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'A published framework version.' })
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId!: string;
}

export class UpdateAssessmentRequest extends AssessmentFields {
  @ApiProperty({ description: 'The revision you read (409 `stale-version` when someone saved meanwhile).' })
  @Type(() => Number)
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1)
  revision!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  // Left out: unchanged; null is refused (a title cannot be cleared).
  @ValidateIf((_, value) => value !== undefined)
  @RequiredLine('title', 200)
  title?: string;

  @ApiPropertyOptional({ description: 'The only field that may change once the assessment is completed.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean({ message: 'regionalOptIn must be true or false' })
  regionalOptIn?: boolean;
}

export class ChangeStatusRequest {
  @ApiProperty({ description: 'The revision you read.' })
  @Type(() => Number)
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1)
  revision!: number;

  @ApiProperty({
    enum: ASSESSMENT_STATUSES,
    enumName: 'AssessmentStatus',
    description: 'draft → individual → consensus → completed, or consensus → individual to reopen the round.',
  })
  @IsIn(ASSESSMENT_STATUSES, { message: `to must be one of ${ASSESSMENT_STATUSES.join(', ')}` })
  to!: AssessmentStatus;
}

export class RevisionQuery {
  @ApiProperty({ description: 'The revision you read.' })
  @Type(() => Number)
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1)
  revision!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PrintableText, RequiredLine, RequiredText } from '../../common/validation/text-rules.js';
import { VERSION_STATUSES, type VersionStatus } from './framework-version.entity.js';
import { SCALE_MAX_VALUE, SCALE_MIN_VALUE } from './scale.js';

export const FRAMEWORK_LANGUAGES = ['en', 'es', 'fr'] as const;
export type FrameworkLanguage = (typeof FRAMEWORK_LANGUAGES)[number];

export const MAX_DIMENSIONS = 30;
export const MAX_STATEMENTS = 50;
export const MAX_RECOMMENDATIONS = 20;

// ── Answers ──

export class FrameworkPublishedRef {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt!: string;
}

export class FrameworkDraftRef {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty()
  revision!: number;
}

export class FrameworkSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({
    type: FrameworkPublishedRef,
    nullable: true,
    description: 'The latest published version: the one new assessments are taken on.',
  })
  published!: FrameworkPublishedRef | null;

  @ApiProperty({
    type: FrameworkDraftRef,
    nullable: true,
    description: 'The draft being edited, if any (at most one).',
  })
  draft!: FrameworkDraftRef | null;

  @ApiProperty({
    description:
      "Assessments taken on any version of the framework: every institution's for platform admins, their own institutions' for institution admins.",
  })
  assessments!: number;
}

export class FrameworkList {
  @ApiProperty({ type: [FrameworkSummary] })
  items!: FrameworkSummary[];
}

export class FrameworkVersionRow {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'FrameworkVersionStatus' })
  status!: VersionStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ description: 'Assessments taken on this version (counted as for the framework).' })
  assessments!: number;
}

export class FrameworkView extends FrameworkSummary {
  @ApiProperty({ type: [FrameworkVersionRow], description: 'Newest first.' })
  versions!: FrameworkVersionRow[];
}

export class FrameworkScaleLevel {
  @ApiProperty({ example: 1 })
  value!: number;

  @ApiProperty({ example: 'Not in place' })
  label!: string;

  @ApiProperty({ example: 'Nothing of this exists yet.' })
  description!: string;
}

export class FrameworkStatementView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty()
  guidance!: string;

  @ApiProperty()
  position!: number;
}

export class FrameworkRecommendationView {
  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseSlug!: string;

  @ApiProperty({
    description: "From the course's latest published version, or its draft if never published.",
  })
  courseTitle!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: the whole course.' })
  moduleId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  moduleTitle!: string | null;
}

export class FrameworkDimensionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'leadership', description: 'Stays the same across versions.' })
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  position!: number;

  @ApiProperty({ type: [FrameworkStatementView] })
  statements!: FrameworkStatementView[];

  @ApiProperty({ type: [FrameworkRecommendationView] })
  recommendations!: FrameworkRecommendationView[];
}

export class FrameworkVersionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  frameworkId!: string;

  @ApiProperty()
  frameworkName!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: VERSION_STATUSES, enumName: 'FrameworkVersionStatus' })
  status!: VersionStatus;

  @ApiProperty({ description: 'Send it back when saving, publishing or deleting the draft.' })
  revision!: number;

  @ApiProperty({ enum: FRAMEWORK_LANGUAGES, enumName: 'FrameworkLanguage' })
  language!: FrameworkLanguage;

  @ApiProperty({
    type: [FrameworkScaleLevel],
    description: 'Ascending; "don\'t know" is always offered besides.',
  })
  scale!: FrameworkScaleLevel[];

  @ApiProperty({ type: [FrameworkDimensionView] })
  dimensions!: FrameworkDimensionView[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;
}

// ── Requests ──

export class CreateFrameworkRequest {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @RequiredLine('name', 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(4000, { message: 'description must be at most 4000 characters' })
  @PrintableText('description')
  description?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Start from a copy of this version's scale, dimensions, statements and recommendations.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'copyFromVersionId must be a UUID' })
  copyFromVersionId?: string;
}

export class UpdateFrameworkRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @RequiredLine('name', 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(4000, { message: 'description must be at most 4000 characters' })
  @PrintableText('description')
  description?: string;
}

export class FrameworkScaleLevelInput {
  @ApiProperty({ minimum: SCALE_MIN_VALUE, maximum: SCALE_MAX_VALUE, example: 1 })
  @IsInt({ message: 'value must be a whole number' })
  @Min(SCALE_MIN_VALUE, { message: `value must be at least ${SCALE_MIN_VALUE}` })
  @Max(SCALE_MAX_VALUE, { message: `value must be at most ${SCALE_MAX_VALUE}` })
  value!: number;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Not in place' })
  @RequiredLine('label', 100)
  label!: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'What the level means (its anchor).' })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(1000, { message: 'description must be at most 1000 characters' })
  @PrintableText('description')
  description?: string;
}

export class FrameworkStatementInput {
  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @RequiredText('text', 1000)
  text!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Help for raters: what to consider.' })
  @IsOptional()
  @IsString({ message: 'guidance must be text' })
  @MaxLength(2000, { message: 'guidance must be at most 2000 characters' })
  @PrintableText('guidance')
  guidance?: string;
}

/** The rules compare ids as text with the database's lower-case ones; a UUID may come in upper case. */
const lowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.toLowerCase() : value;

export class FrameworkRecommendationInput {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCase)
  @IsUUID('all', { message: 'courseId must be a UUID' })
  courseId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A module of that course; left out: the whole course.',
  })
  @IsOptional()
  @Transform(lowerCase)
  @IsUUID('all', { message: 'moduleId must be a UUID' })
  moduleId?: string;
}

export class FrameworkDimensionInput {
  @ApiProperty({
    maxLength: 60,
    example: 'legal-framework',
    description: 'Lowercase words joined by hyphens; keep it across versions so re-assessments compare.',
  })
  @IsString({ message: 'key must be text' })
  @MaxLength(60, { message: 'key must be at most 60 characters' })
  key!: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @RequiredLine('name', 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(4000, { message: 'description must be at most 4000 characters' })
  @PrintableText('description')
  description?: string;

  @ApiProperty({ type: [FrameworkStatementInput], maxItems: MAX_STATEMENTS })
  @IsArray({ message: 'statements must be a list' })
  @ArrayMaxSize(MAX_STATEMENTS, { message: `statements must have at most ${MAX_STATEMENTS} entries` })
  @IsObject({ each: true, message: 'statements must be a list of objects' })
  @ValidateNested({ each: true })
  @Type(() => FrameworkStatementInput)
  statements!: FrameworkStatementInput[];

  @ApiProperty({ type: [FrameworkRecommendationInput], maxItems: MAX_RECOMMENDATIONS })
  @IsArray({ message: 'recommendations must be a list' })
  @ArrayMaxSize(MAX_RECOMMENDATIONS, {
    message: `recommendations must have at most ${MAX_RECOMMENDATIONS} entries`,
  })
  @IsObject({ each: true, message: 'recommendations must be a list of objects' })
  @ValidateNested({ each: true })
  @Type(() => FrameworkRecommendationInput)
  recommendations!: FrameworkRecommendationInput[];
}

export class FrameworkRevisionRequest {
  @ApiProperty({ description: 'The revision the change was made from.' })
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1, { message: 'revision must be at least 1' })
  revision!: number;
}

export class SaveFrameworkVersionRequest extends FrameworkRevisionRequest {
  @ApiProperty({ enum: FRAMEWORK_LANGUAGES, enumName: 'FrameworkLanguage' })
  @IsIn(FRAMEWORK_LANGUAGES, { message: `language must be one of ${FRAMEWORK_LANGUAGES.join(', ')}` })
  language!: FrameworkLanguage;

  @ApiProperty({ type: [FrameworkScaleLevelInput], description: '2–10 levels, values ascending and unique.' })
  @IsArray({ message: 'scale must be a list' })
  // The 2–10 rule is checked by the service (422 naming the scale); this only bounds the input.
  @ArrayMaxSize(100, { message: 'scale must have at most 100 entries' })
  @IsObject({ each: true, message: 'scale must be a list of objects' })
  @ValidateNested({ each: true })
  @Type(() => FrameworkScaleLevelInput)
  scale!: FrameworkScaleLevelInput[];

  @ApiProperty({ type: [FrameworkDimensionInput], maxItems: MAX_DIMENSIONS, description: 'In order.' })
  @IsArray({ message: 'dimensions must be a list' })
  @ArrayMaxSize(MAX_DIMENSIONS, { message: `dimensions must have at most ${MAX_DIMENSIONS} entries` })
  @IsObject({ each: true, message: 'dimensions must be a list of objects' })
  @ValidateNested({ each: true })
  @Type(() => FrameworkDimensionInput)
  dimensions!: FrameworkDimensionInput[];
}

export class DeleteFrameworkVersionQuery {
  @ApiProperty({ description: 'The revision of the draft being deleted.' })
  @Type(() => Number)
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1, { message: 'revision must be at least 1' })
  revision!: number;
}

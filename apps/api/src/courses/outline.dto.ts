import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { clearable, RevisionRules, TextListRules, TitleRules } from './course-rules.js';
import { sent, trim } from '../common/validation/text-rules.js';

export class OutlineActivity {
  @ApiProperty({ format: 'uuid', description: 'Stable across published versions.' })
  id!: string;

  @ApiProperty({ example: 'lesson', description: 'The activity kind, such as lesson.' })
  kind!: string;

  @ApiProperty({ example: 'Why services go digital' })
  title!: string;

  @ApiProperty({ description: 'Whether course completion waits for it.' })
  required!: boolean;

  @ApiProperty({ example: 0, description: '0-based position within the module.' })
  position!: number;
}

export class OutlineModule {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 0, description: '0-based position within the course.' })
  position!: number;

  @ApiProperty({ example: 'Understanding digital government' })
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: [String] })
  objectives!: string[];

  @ApiProperty({ type: Number, nullable: true })
  estimatedMinutes!: number | null;

  @ApiProperty({ type: [OutlineActivity] })
  activities!: OutlineActivity[];
}

/** The delete routes carry the revision in the query, since a DELETE has no body. */
export class RevisionQuery {
  @RevisionRules()
  @Type(() => Number)
  revision!: number;
}

const POSITION: ApiPropertyOptions = {
  type: Number,
  minimum: 0,
  description: 'Where to insert (0 = first); without it, at the end. A position past the end means the end.',
};
const SUMMARY = { maxLength: 2000 };
const OBJECTIVES: ApiPropertyOptions = {
  type: [String],
  description: 'What a learner can do after the module.',
};
const MINUTES: ApiPropertyOptions = { type: Number, nullable: true, example: 45 };

export class CreateModuleRequest {
  @RevisionRules()
  revision!: number;

  @ApiProperty({ example: 'Understanding digital government', maxLength: 200 })
  @TitleRules()
  title!: string;

  @ApiPropertyOptional(SUMMARY)
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'summary must be text' })
  @MaxLength(2000, { message: 'summary must be at most 2000 characters' })
  summary?: string;

  @ApiPropertyOptional(OBJECTIVES)
  @IsOptional()
  @TextListRules('objectives', 20, 500)
  objectives?: string[];

  @ApiPropertyOptional(MINUTES)
  @clearable()
  @IsInt({ message: 'estimatedMinutes must be a whole number' })
  @Min(1, { message: 'estimatedMinutes must be at least 1' })
  estimatedMinutes?: number | null;

  @ApiPropertyOptional(POSITION)
  @IsOptional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(0, { message: 'position must be 0 or more' })
  position?: number;
}

/** Only the fields sent change; reordering is PUT …/outline. */
export class UpdateModuleRequest {
  @RevisionRules()
  revision!: number;

  @ApiPropertyOptional({ example: 'Understanding digital government', maxLength: 200 })
  @sent()
  @TitleRules()
  title?: string;

  @ApiPropertyOptional(SUMMARY)
  @sent()
  @Transform(trim)
  @IsString({ message: 'summary must be text' })
  @MaxLength(2000, { message: 'summary must be at most 2000 characters' })
  summary?: string;

  @ApiPropertyOptional(OBJECTIVES)
  @sent()
  @TextListRules('objectives', 20, 500)
  objectives?: string[];

  @ApiPropertyOptional(MINUTES)
  @clearable()
  @IsInt({ message: 'estimatedMinutes must be a whole number' })
  @Min(1, { message: 'estimatedMinutes must be at least 1' })
  estimatedMinutes?: number | null;
}

export class CreateActivityRequest {
  @RevisionRules()
  revision!: number;

  @ApiProperty({
    example: 'lesson',
    description: 'A registered activity kind; an unknown one gets a 422 listing them.',
  })
  @IsString({ message: 'kind must be text' })
  @Matches(/^[a-z_]+$/, { message: 'kind must be lowercase letters and underscores, such as lesson' })
  kind!: string;

  @ApiProperty({ example: 'Why services go digital', maxLength: 200 })
  @TitleRules()
  title!: string;

  @ApiPropertyOptional({ default: true, description: 'Whether course completion waits for it.' })
  @IsOptional()
  @IsBoolean({ message: 'required must be true or false' })
  required?: boolean;

  @ApiPropertyOptional(POSITION)
  @IsOptional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(0, { message: 'position must be 0 or more' })
  position?: number;
}

/** Only the fields sent change; moving it is PUT …/outline. */
export class UpdateActivityRequest {
  @RevisionRules()
  revision!: number;

  @ApiPropertyOptional({ example: 'Why services go digital', maxLength: 200 })
  @sent()
  @TitleRules()
  title?: string;

  @ApiPropertyOptional({ description: 'Whether course completion waits for it.' })
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsBoolean({ message: 'required must be true or false' })
  required?: boolean;
}

export class OutlineModuleOrder {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The ids of its activities, in order.' })
  @IsArray({ message: 'activities must be a list' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'activities must be UUIDs' })
  activities!: string[];
}

/** The whole order at once: every module and every activity of the course, each exactly once. */
export class ReorderOutlineRequest {
  @RevisionRules()
  revision!: number;

  @ApiProperty({
    type: [OutlineModuleOrder],
    description: 'Modules in their new order, with their activities.',
  })
  @IsArray({ message: 'modules must be a list' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OutlineModuleOrder)
  modules!: OutlineModuleOrder[];
}

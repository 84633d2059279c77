import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  PrintableLine,
  PrintableText,
  RequiredLine,
  RequiredText,
  sent,
  trim,
} from '../../common/validation/text-rules.js';
import { ACTION_STATUSES, type ActionStatus } from './action.entity.js';
import { PRIORITY_BANDS, type PriorityBand } from './priority.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LEVEL = { type: Number, minimum: 1, maximum: 3 };

const Level = (field: string, description: string, optional: boolean) =>
  applyDecorators(
    optional ? ApiPropertyOptional({ ...LEVEL, description }) : ApiProperty({ ...LEVEL, description }),
    ...(optional ? [sent()] : []),
    IsInt({ message: `${field} must be a whole number from 1 to 3` }),
    Min(1, { message: `${field} must be a whole number from 1 to 3` }),
    Max(3, { message: `${field} must be a whole number from 1 to 3` }),
  );

const Text = (field: string, maxLength: number, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength, ...(description ? { description } : {}) }),
    sent(),
    Transform(trim),
    IsString({ message: `${field} must be text` }),
    MaxLength(maxLength, { message: `${field} must be at most ${maxLength} characters` }),
    PrintableText(field),
  );

const Day = (field: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', nullable: true, example }),
    IsOptional(),
    Matches(DAY, { message: `${field} must be a day (YYYY-MM-DD)` }),
    IsISO8601({ strict: true }, { message: `${field} must be a day (YYYY-MM-DD)` }),
  );

const Status = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ enum: ACTION_STATUSES, enumName: 'DgcaActionStatus', description }),
    sent(),
    IsIn(ACTION_STATUSES, { message: `status must be one of ${ACTION_STATUSES.join(', ')}` }),
  );

const Progress = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, minimum: 0, maximum: 100, description }),
    sent(),
    IsInt({ message: 'progress must be a whole number from 0 to 100' }),
    Min(0, { message: 'progress must be a whole number from 0 to 100' }),
    Max(100, { message: 'progress must be a whole number from 0 to 100' }),
  );

/** Fields shared by creating and editing; on edit, a field left out is unchanged and null clears a date. */
class ActionFields {
  @Text('description', 4000)
  description?: string;

  @Text('owner', 200, 'Who is responsible: a person, a unit or a ministry.')
  @PrintableLine('owner')
  owner?: string;

  @Day('startsOn', '2027-01-15')
  startsOn?: string | null;

  @Day('endsOn', '2027-06-30')
  endsOn?: string | null;

  @Text('resources', 2000, 'Budget, people, partners.')
  resources?: string;

  @Text('indicator', 500, 'How progress is measured.')
  indicator?: string;

  @Text('target', 500, 'The value of the indicator that means done.')
  target?: string;

  @Status('planned when left out on creation.')
  status?: ActionStatus;

  @Progress('Per cent done; 0 when left out on creation.')
  progress?: number;
}

export class CreateActionRequest extends ActionFields {
  @ApiProperty({
    description: "The key of one of the assessment's framework dimensions.",
    example: 'strategy',
  })
  @IsString({ message: 'dimensionKey must be text' })
  @Matches(KEY, { message: 'dimensionKey must be a dimension key (lower-case words joined by hyphens)' })
  @MaxLength(60, { message: 'dimensionKey must be at most 60 characters' })
  dimensionKey!: string;

  @ApiProperty({ maxLength: 200, example: 'Adopt a national digital government strategy' })
  @RequiredLine('title', 200)
  title!: string;

  @Level('impact', 'How much it closes the gap: 1 low, 2 medium, 3 high.', false)
  impact!: number;

  @Level('feasibility', 'How doable it is (do-ability): 1 hard, 2 medium, 3 easy.', false)
  feasibility!: number;
}

export class UpdateActionRequest extends ActionFields {
  @ApiProperty({ description: 'The revision you read (409 `stale-version` when someone saved meanwhile).' })
  @Type(() => Number)
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1, { message: 'revision must be a whole number' })
  revision!: number;

  @ApiPropertyOptional({ example: 'strategy' })
  @sent()
  @IsString({ message: 'dimensionKey must be text' })
  @Matches(KEY, { message: 'dimensionKey must be a dimension key (lower-case words joined by hyphens)' })
  @MaxLength(60, { message: 'dimensionKey must be at most 60 characters' })
  dimensionKey?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @sent()
  @RequiredLine('title', 200)
  title?: string;

  @Level('impact', '1 low, 2 medium, 3 high.', true)
  impact?: number;

  @Level('feasibility', '1 hard, 2 medium, 3 easy.', true)
  feasibility?: number;
}

export class ActionRevisionQuery {
  @ApiProperty({ description: 'The revision you read.' })
  @Type(() => Number)
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1, { message: 'revision must be a whole number' })
  revision!: number;
}

export class ReportProgressRequest {
  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'Draft strategy sent to Cabinet.' })
  @RequiredText('comment', 4000)
  comment!: string;

  @Status("The action's new status, if it changed.")
  status?: ActionStatus;

  @Progress("The action's progress now, if it changed.")
  progress?: number;
}

export class ActionPlanExportQuery {
  @ApiPropertyOptional({
    enum: ['en', 'es', 'fr'],
    description: "The export's language; the caller's by default.",
  })
  @IsOptional()
  @IsIn(['en', 'es', 'fr'], { message: 'language must be one of en, es, fr' })
  language?: string;
}

export class ActionAuthorView {
  @ApiProperty()
  displayName!: string;
}

export class ActionUpdateView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: ActionAuthorView,
    nullable: true,
    description: "Null once the author's account is gone.",
  })
  author!: ActionAuthorView | null;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'DgcaActionStatus', nullable: true })
  status!: ActionStatus | null;

  @ApiProperty({ type: Number, nullable: true })
  progress!: number | null;

  @ApiProperty()
  comment!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ActionPriorityView {
  @ApiProperty({ description: 'impact × feasibility: 1, 2, 3, 4, 6 or 9.' })
  score!: number;

  @ApiProperty({
    enum: PRIORITY_BANDS,
    enumName: 'DgcaPriorityBand',
    description: 'high from 6, medium 3–4, low up to 2.',
  })
  band!: PriorityBand;
}

export class ActionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  assessmentId!: string;

  @ApiProperty()
  dimensionKey!: string;

  @ApiProperty({ description: "The dimension's name in the assessment's framework version." })
  dimensionName!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  owner!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  startsOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn!: string | null;

  @ApiProperty()
  resources!: string;

  @ApiProperty()
  indicator!: string;

  @ApiProperty()
  target!: string;

  @ApiProperty(LEVEL)
  impact!: number;

  @ApiProperty(LEVEL)
  feasibility!: number;

  @ApiProperty({ type: ActionPriorityView })
  priority!: ActionPriorityView;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'DgcaActionStatus' })
  status!: ActionStatus;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress!: number;

  @ApiProperty({ description: 'Send it back when editing or deleting.' })
  revision!: number;

  @ApiProperty({ type: [ActionUpdateView], description: 'Newest first.' })
  updates!: ActionUpdateView[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ActionList {
  @ApiProperty({ type: [ActionView], description: 'Highest priority first, then by start date.' })
  items!: ActionView[];
}

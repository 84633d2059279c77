import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CatalogueActivity, CatalogueModule } from '../courses/catalogue.dto.js';

export const READER_LANGUAGES = ['en', 'es', 'fr'] as const;

export type ActivityStatus = 'not-started' | 'started' | 'completed';
const ACTIVITY_STATUSES: ActivityStatus[] = ['not-started', 'started', 'completed'];

export class ProgressSummary {
  @ApiProperty({ description: 'Required activities completed.' })
  completed!: number;

  @ApiProperty({ description: 'Required activities in the version.' })
  required!: number;

  @ApiProperty({
    description: 'Whole percent of required activities completed (100 when none are required).',
  })
  percent!: number;
}

export class ResumePoint {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  title!: string;
}

export class LearningCourseSummary {
  @ApiProperty()
  slug!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty({ description: 'The version the learner is on.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  enrolledAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastVisitedAt!: string | null;

  @ApiProperty({ type: ProgressSummary })
  progress!: ProgressSummary;

  @ApiProperty({
    type: ResumePoint,
    description: 'Where "continue" goes: the last activity opened, else the first not completed.',
  })
  resume!: ResumePoint;
}

export class MyLearningList {
  @ApiProperty({ type: [LearningCourseSummary], description: 'Most recently visited first.' })
  items!: LearningCourseSummary[];
}

/** An activity of the learner's version, as the catalogue describes it, with where they are in it. */
export class LearningActivity extends CatalogueActivity {
  @ApiProperty({ enum: ACTIVITY_STATUSES })
  status!: ActivityStatus;
}

/** A module of the learner's version, as the catalogue describes it, with their progress in it. */
export class LearningModule extends OmitType(CatalogueModule, ['activities'] as const) {
  @ApiProperty({ type: ProgressSummary })
  progress!: ProgressSummary;

  @ApiProperty({ type: [LearningActivity] })
  activities!: LearningActivity[];
}

export class LearningCourse extends LearningCourseSummary {
  @ApiProperty({ type: [String] })
  outcomes!: string[];

  @ApiProperty({ type: Number, nullable: true })
  estimatedHours!: number | null;

  @ApiProperty({ type: [LearningModule] })
  modules!: LearningModule[];
}

export class ReadingPosition {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: 'The id of the element the learner was reading (a heading), if any.',
  })
  @IsOptional()
  @IsString({ message: 'position.anchor must be text' })
  @MaxLength(200, { message: 'position.anchor must be at most 200 characters' })
  @Matches(/^[A-Za-z0-9_-]*$/, { message: 'position.anchor may hold letters, digits, - and _ only' })
  anchor?: string | null;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'How far down the activity, from 0 to 1.' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'position.fraction must be a number' })
  @Min(0, { message: 'position.fraction must be between 0 and 1' })
  @Max(1, { message: 'position.fraction must be between 0 and 1' })
  fraction!: number;
}

/**
 * What the reader sends as the learner reads. Idempotent: sending it again changes nothing, and
 * a position older than the one stored (a retry arriving late) is ignored. Completion is never undone.
 */
export class RecordProgressRequest {
  @ApiProperty({
    format: 'date-time',
    description: "When it happened, by the learner's device: orders retried and late writes.",
  })
  @IsDateString({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at!: string;

  @ApiPropertyOptional({ type: ReadingPosition })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReadingPosition)
  position?: ReadingPosition;

  @ApiPropertyOptional({ description: 'True when the learner reached the end or marked it complete.' })
  @IsOptional()
  @IsBoolean({ message: 'completed must be true or false' })
  completed?: boolean;
}

export class ActivityProgressView {
  @ApiProperty({ enum: ACTIVITY_STATUSES })
  status!: ActivityStatus;

  @ApiProperty({ type: ReadingPosition, nullable: true })
  position!: ReadingPosition | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
}

export class RecordProgressResponse {
  @ApiProperty({ type: ActivityProgressView })
  activity!: ActivityProgressView;

  @ApiProperty({
    type: ProgressSummary,
    nullable: true,
    description:
      "The course's progress after a write that completed the activity; null otherwise (nothing changed it).",
  })
  course!: ProgressSummary | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  courseCompletedAt!: string | null;
}

export class SaveReflectionRequest {
  @ApiProperty({ maxLength: 10000, description: 'The private answer; only the learner sees it.' })
  @IsString({ message: 'answer must be text' })
  @MaxLength(10000, { message: 'answer must be at most 10000 characters' })
  answer!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When it was typed: a late retry never overwrites newer text.',
  })
  @IsDateString({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at!: string;
}

export class ReflectionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  answer!: string;

  @ApiProperty({ format: 'date-time' })
  writtenAt!: string;
}

export class Neighbour {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;
}

export class ActivityCourse {
  @ApiProperty()
  slug!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'The version the learner is on.' })
  version!: number;
}

export class ActivityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ type: Neighbour, description: 'The module the activity is in.' })
  module!: Neighbour;

  @ApiProperty({ type: ActivityCourse })
  course!: ActivityCourse;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Kind-specific: a lesson gives `html`, sanitized, with labels in the requested language.',
  })
  content!: Record<string, unknown>;

  @ApiProperty({ type: ActivityProgressView })
  progress!: ActivityProgressView;

  @ApiProperty({
    type: [ReflectionView],
    description: "The learner's saved answers to this activity's reflections.",
  })
  reflections!: ReflectionView[];

  @ApiProperty({ type: Neighbour, nullable: true })
  previous!: Neighbour | null;

  @ApiProperty({ type: Neighbour, nullable: true })
  next!: Neighbour | null;
}

export class ActivityQuery {
  @ApiPropertyOptional({ enum: READER_LANGUAGES, description: 'The language of the labels around the text.' })
  @IsOptional()
  @IsIn(READER_LANGUAGES, { message: `lang must be one of ${READER_LANGUAGES.join(', ')}` })
  lang?: (typeof READER_LANGUAGES)[number];
}

export type EnrolmentStatus = 'none' | 'enrolled' | 'requested' | 'declined';

export class EnrolmentState {
  @ApiProperty({ enum: ['none', 'enrolled', 'requested', 'declined'] })
  status!: EnrolmentStatus;

  @ApiProperty({ enum: ['open', 'invitation', 'cohort'], description: 'How learners join this course.' })
  enrolmentMode!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The version the learner is on, when enrolled.' })
  version!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enrolledAt!: string | null;
}

export class AccessRequestBody {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why the learner asks, for the trainer who decides.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'message must be text' })
  @MaxLength(1000, { message: 'message must be at most 1000 characters' })
  message?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { ProgressSummary } from './learning.dto.js';

export class CourseLearner {
  @ApiProperty({ format: 'uuid', description: 'The enrolment.' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ description: 'The version the learner is on.' })
  version!: number;

  @ApiProperty({ enum: ['open', 'request', 'cohort', 'staff'] })
  source!: string;

  @ApiProperty({ format: 'date-time' })
  enrolledAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastVisitedAt!: string | null;

  @ApiProperty({ type: ProgressSummary })
  progress!: ProgressSummary;
}

export class CourseLearnerPage extends PageMeta {
  @ApiProperty({ type: [CourseLearner] })
  items!: CourseLearner[];

  @ApiProperty({
    description: 'The latest published version, to move learners onto.',
    type: Number,
    nullable: true,
  })
  latestVersion!: number | null;
}

export class MoveLearnersRequest {
  @ApiProperty({ minimum: 1, description: 'The published version to move the learners onto.' })
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The enrolments to move; everyone on another version when left out.',
  })
  @IsOptional()
  @IsArray({ message: 'enrolmentIds must be a list' })
  @ArrayMaxSize(1000, { message: 'enrolmentIds may hold at most 1000 ids' })
  @IsUUID('all', { each: true, message: 'each of enrolmentIds must be a UUID' })
  enrolmentIds?: string[];
}

export class MoveLearnersResult {
  @ApiProperty({ description: 'How many learners moved.' })
  moved!: number;

  @ApiProperty({
    description: 'How many of them completed the course by moving (all its required activities done).',
  })
  completed!: number;
}

export class AccessRequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'declined'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'declined'], { message: 'status must be pending, approved or declined' })
  status: 'pending' | 'approved' | 'declined' = 'pending';
}

export class AccessRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ enum: ['pending', 'approved', 'declined'] })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
}

export class AccessRequestPage extends PageMeta {
  @ApiProperty({ type: [AccessRequestView] })
  items!: AccessRequestView[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  BATCH_OUTCOMES,
  type BatchItemView,
  type BatchOutcome,
  type BatchStatus,
  type BatchView,
} from './batch-view.js';
import { ReasonField } from '../reason-field.js';

export class CreateBatchBody {
  @ReasonField('Why everyone eligible gets one now; kept with each certificate and in the audit log.')
  reason!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only the members of this cohort, which must include the course; left out, every enrolled learner.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a UUID' })
  cohortId?: string;
}

export class BatchPerson {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class BatchCohort {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class BatchResponse implements BatchView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  status!: BatchStatus;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Learners to go through; null until the worker has counted them.',
  })
  total!: number | null;

  @ApiProperty({ description: 'Learners gone through so far.' })
  processed!: number;

  @ApiProperty({ description: 'Of those, how many were issued a certificate now.' })
  issued!: number;

  @ApiProperty({
    description: 'Of those, how many were not (already had one, not completed, held for approval, failed…).',
  })
  skipped!: number;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: BatchPerson })
  requestedBy!: BatchPerson;

  @ApiProperty({
    type: BatchCohort,
    nullable: true,
    description:
      'The cohort whose members the batch goes through (its name when requested); null for everyone.',
  })
  cohort!: BatchCohort | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why a failed batch stopped.' })
  error!: string | null;
}

export class BatchList {
  @ApiProperty({ type: [BatchResponse], description: 'Newest first.' })
  items!: BatchResponse[];
}

export class BatchItemResponse implements BatchItemView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  learnerName!: string;

  @ApiProperty({ enum: BATCH_OUTCOMES })
  outcome!: BatchOutcome;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  certificateId!: string | null;
}

export class BatchReport extends BatchResponse {
  @ApiProperty({ type: [BatchItemResponse], description: 'One per learner gone through, by name.' })
  items!: BatchItemResponse[];
}

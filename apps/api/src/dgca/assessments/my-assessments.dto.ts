import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { PrintableLine, PrintableText } from '../../common/validation/text-rules.js';
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_SUBJECTS,
  type AssessmentStatus,
  type AssessmentSubject,
} from './assessment.entity.js';
import { AssessmentInstitutionRef } from './assessments.dto.js';

const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

export class MyAssessmentSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ASSESSMENT_SUBJECTS, enumName: 'AssessmentSubject' })
  subject!: AssessmentSubject;

  @ApiProperty({ example: 'LC' })
  country!: string;

  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  status!: AssessmentStatus;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  individualDueOn!: string | null;

  @ApiProperty({ description: 'Statements you have answered.' })
  answered!: number;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ description: 'The assessment is completed: its results can be read.' })
  resultsAvailable!: boolean;
}

export class MyAssessmentList {
  @ApiProperty({ type: [MyAssessmentSummary] })
  items!: MyAssessmentSummary[];
}

export class ScaleLevelView {
  @ApiProperty({ example: 1 })
  value!: number;

  @ApiProperty({ example: 'Not in place' })
  label!: string;

  @ApiProperty()
  description!: string;
}

export class MyStatementView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'What to consider; may be empty.' })
  guidance!: string;
}

export class MyDimensionView {
  @ApiProperty({ example: 'leadership' })
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: [MyStatementView] })
  statements!: MyStatementView[];
}

export class MyRating {
  @ApiProperty({ format: 'uuid' })
  statementId!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Null for "don\'t know".' })
  value!: number | null;

  @ApiProperty()
  dontKnow!: boolean;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: String, nullable: true })
  evidenceUrl!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class MyAssessmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: ASSESSMENT_SUBJECTS, enumName: 'AssessmentSubject' })
  subject!: AssessmentSubject;

  @ApiProperty({ example: 'LC' })
  country!: string;

  @ApiProperty({ type: AssessmentInstitutionRef })
  institution!: AssessmentInstitutionRef;

  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  status!: AssessmentStatus;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  individualDueOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  consensusOn!: string | null;

  @ApiProperty({ type: [ScaleLevelView], description: 'Ascending. "Don\'t know" is always offered besides.' })
  scale!: ScaleLevelView[];

  @ApiProperty({ type: [MyDimensionView] })
  dimensions!: MyDimensionView[];

  @ApiProperty({ type: [MyRating], description: 'Your own answers only.' })
  ratings!: MyRating[];

  @ApiProperty()
  answered!: number;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;
}

export class RateStatementRequest {
  @ApiPropertyOptional({ description: 'A level of the scale; leave out with dontKnow: true.' })
  @IsOptional()
  @IsInt({ message: 'value must be a whole number' })
  value?: number;

  @ApiPropertyOptional({ description: 'True for "don\'t know" (then no value).' })
  @IsOptional()
  @IsBoolean({ message: 'dontKnow must be true or false' })
  dontKnow?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description: 'Shown to the facilitator without your name.',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'comment must be text' })
  @MaxLength(2000, { message: 'comment must be at most 2000 characters' })
  @PrintableText('comment')
  comment?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    example: 'https://www.govt.lc/strategy',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString({ message: 'evidenceUrl must be text' })
  @MaxLength(2000, { message: 'evidenceUrl must be at most 2000 characters' })
  @PrintableLine('evidenceUrl')
  evidenceUrl?: string | null;
}

export class RatingSaved extends MyRating {
  @ApiProperty()
  answered!: number;

  @ApiProperty()
  total!: number;
}

export class SubmittedView {
  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

export class ChoiceFrequency {
  @ApiProperty({ description: 'The option id; `true`/`false` for true/false questions.' })
  id!: string;

  @ApiProperty({ description: "The option's words, without formatting." })
  label!: string;

  @ApiProperty({ description: 'Whether choosing it is (part of) the right answer.' })
  correct!: boolean;

  @ApiProperty({ description: 'How many analysed attempts chose it.' })
  count!: number;

  @ApiProperty({ description: 'count ÷ attempts that answered this question, 0..1.' })
  share!: number;
}

export class TextAnswerFrequency {
  @ApiProperty({ description: 'The answer as grading compares it: trimmed, spaces collapsed, lower case.' })
  text!: string;

  @ApiProperty()
  count!: number;
}

export class QuestionAnalysis {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ description: "The question's name in the bank now." })
  name!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty({ description: 'Analysed attempts that included this question.' })
  attempts!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Facility index: the mean score on the question, 0..1 (higher is easier).',
  })
  facility!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Discrimination index: correlation (−1..1) between the score on this question and on the rest of the attempt; null with fewer than two attempts or no spread.',
  })
  discrimination!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  meanPoints!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({ type: [ChoiceFrequency], description: 'Choice questions: every option, chosen or not.' })
  choices!: ChoiceFrequency[];

  @ApiProperty({ type: [TextAnswerFrequency], description: 'Text answers: the commonest, at most 10.' })
  textAnswers!: TextAnswerFrequency[];
}

export class QuizAnalysis {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty({ description: 'Submitted attempts with nothing left to grade: the ones analysed.' })
  attempts!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Their mean score, 0..1.' })
  meanScore!: number | null;

  @ApiProperty({ type: [QuestionAnalysis] })
  questions!: QuestionAnalysis[];
}

export class QuizAttemptRow {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: ['open', 'submitted'] })
  status!: 'open' | 'submitted';

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ description: 'Submitted by the server at the deadline.' })
  autoSubmitted!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  points!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({ type: Number, nullable: true, description: '0..1; null until nothing is left to grade.' })
  score!: number | null;

  @ApiProperty({ type: Boolean, nullable: true })
  passed!: boolean | null;

  @ApiProperty({ description: 'Answers waiting for a trainer.' })
  pendingGrading!: number;
}

export class QuizAttemptList {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ type: [QuizAttemptRow] })
  items!: QuizAttemptRow[];
}

export class GradeSlotRequest {
  @ApiProperty({ minimum: 0, description: "Points awarded, up to the slot's maximum." })
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'points must be a number with at most 2 decimals' })
  @Min(0, { message: 'points must be 0 or more' })
  points!: number;

  @ApiPropertyOptional({ maxLength: 10000, description: 'Shown to the learner with the mark.' })
  @IsOptional()
  @IsString({ message: 'comment must be text' })
  @MaxLength(10000, { message: 'comment must be at most 10000 characters' })
  comment?: string;
}

export class RegradeRequest {
  @ApiProperty({ format: 'uuid', description: 'The question whose current version replaces the one taken.' })
  @IsUUID('all', { message: 'questionId must be a UUID' })
  questionId!: string;
}

export class RegradeResult {
  @ApiProperty({ description: 'Attempts that included the question.' })
  attempts!: number;

  @ApiProperty({ description: 'Attempts whose points changed.' })
  changed!: number;

  @ApiProperty({ description: 'The question version they are graded on now.' })
  version!: number;
}

export class ReviewedSlot {
  @ApiProperty()
  slot!: number;

  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ description: 'The question version this attempt was given (or regraded on).' })
  questionVersion!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole question version, answer key included (trainers only).',
  })
  question!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  response!: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;

  @ApiProperty({ enum: ['pending', 'graded', 'needs-grading', 'ungraded'] })
  grading!: string;

  @ApiProperty({ type: Number, nullable: true })
  points!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who graded it by hand.' })
  gradedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  gradedAt!: string | null;
}

export class AttemptReview extends QuizAttemptRow {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  quizTitle!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ type: [ReviewedSlot] })
  slots!: ReviewedSlot[];
}

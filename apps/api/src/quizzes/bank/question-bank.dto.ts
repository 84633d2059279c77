import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination/page.dto.js';
import { TextListRules } from '../../courses/course-rules.js';
import { trim } from '../../common/validation/text-rules.js';
import { QUESTION_TYPES } from '../questions/validate-question.js';
import type { QuestionType } from '../questions/index.js';

/** A GIFT file of a few thousand questions fits; the request body limit (1 MB) comes first anyway. */
export const GIFT_MAX_CHARS = 1_000_000;

const TYPE = { enum: QUESTION_TYPES, enumName: 'QuestionType', example: 'single-choice' } as const;
const CATEGORY = {
  example: 'Digital government/Basics',
  description:
    'The bank category; `/` separates levels, as in Moodle. Random quiz slots draw from one category.',
} as const;
const TAGS: ApiPropertyOptions = {
  type: [String],
  example: ['e-services'],
  description: 'Free labels for finding questions.',
};
const QUESTION_BODY = {
  type: 'object',
  additionalProperties: true,
  description:
    'The question, answer key included: `{ type, prompt, generalFeedback, points, ... }` where `type` is one of ' +
    '`single-choice` (`options: [{id, text, feedback}]`, `correctOptionId`), `multiple-response` (`options` with ' +
    '`correct`, `scoring`: all-or-nothing | partial | right-minus-wrong), `true-false` (`answer`, `feedbackTrue`, ' +
    '`feedbackFalse`), `short-answer` (`answers: [{text, fraction, feedback, pattern?}]`, `caseSensitive`), ' +
    '`numeric` (`answers: [{value, tolerance, fraction, feedback}]`, `units: [{unit, multiplier}]`), `matching` ' +
    '(`pairs: [{id, prompt, answer}]`, `distractors`), `ordering` (`items: [{id, text}]` in the right order) or ' +
    '`essay` (`graded`, `minWords?`). Every prompt, text and feedback is a tiptap document ' +
    '(`{"type": "doc", "content": [...]}`, as lessons); feedbacks may be null; fractions are 0..1; points 0 < p ≤ 1000.',
} as const;

export class QuestionListQuery extends PageQuery {
  @ApiPropertyOptional({ ...CATEGORY, description: 'Only this category (exactly).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  category?: string;

  @ApiPropertyOptional({ description: 'Only questions with this tag.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ description: "Words of the question's name or prompt, in any case." })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ ...TYPE, description: 'Only questions of this type.' })
  @IsOptional()
  @IsIn(QUESTION_TYPES, { message: `type must be one of ${QUESTION_TYPES.join(', ')}` })
  type?: QuestionType;
}

export class QuestionSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'What is a digital identity?' })
  name!: string;

  @ApiProperty(TYPE)
  type!: QuestionType;

  @ApiProperty(CATEGORY)
  category!: string;

  @ApiProperty(TAGS)
  tags!: string[];

  @ApiProperty({ example: 3, description: 'The current version; editing makes the next one.' })
  version!: number;

  @ApiProperty({ example: 1, description: 'The mark for a fully right answer.' })
  points!: number;

  @ApiProperty({ example: 2, description: "How many quizzes' drafts place this question directly." })
  usedIn!: number;

  @ApiProperty({
    description: 'Archived questions are hidden from the bank; their versions stay for attempts.',
  })
  archived!: boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class QuestionPage extends PageMeta {
  @ApiProperty({ type: [QuestionSummary] })
  items!: QuestionSummary[];
}

export class QuestionCategory {
  @ApiProperty(CATEGORY)
  name!: string;

  @ApiProperty({ example: 6, description: 'Questions in the category (archived ones not counted).' })
  count!: number;
}

export class QuestionVersionInfo {
  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The author's name; null once their account is gone.",
  })
  createdBy!: string | null;
}

export class QuestionDetail extends QuestionSummary {
  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ description: 'An archived course is read-only: changes answer 409 until it is restored.' })
  courseArchived!: boolean;

  @ApiProperty(QUESTION_BODY)
  question!: Record<string, unknown>;

  @ApiProperty({ type: [QuestionVersionInfo], description: 'Newest first.' })
  versions!: QuestionVersionInfo[];
}

export class CreateQuestionRequest {
  @ApiProperty(CATEGORY)
  @Transform(trim)
  @IsString({ message: 'category must be text' })
  @Length(1, 200, { message: 'category must be between 1 and 200 characters' })
  category!: string;

  @ApiProperty(TAGS)
  @TextListRules('tags', 20, 50)
  tags!: string[];

  @ApiPropertyOptional({
    example: 'Digital identity',
    description: "A short title for the bank; the prompt's first words when left out.",
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be between 1 and 200 characters' })
  name?: string;

  @ApiProperty(QUESTION_BODY)
  @IsObject({ message: 'question must be an object' })
  question!: Record<string, unknown>;
}

export class UpdateQuestionRequest extends CreateQuestionRequest {
  @ApiProperty({
    example: 3,
    description: 'The version the edit is based on; a stale one gets a 409 with the current question.',
  })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be at least 1' })
  version!: number;
}

export class GiftImportRequest {
  @ApiProperty({ description: 'The GIFT file, as text (Moodle GIFT format).', maxLength: GIFT_MAX_CHARS })
  @IsString({ message: 'gift must be the text of a GIFT file' })
  @MaxLength(GIFT_MAX_CHARS, { message: `gift must be at most ${GIFT_MAX_CHARS} characters` })
  gift!: string;

  @ApiPropertyOptional({
    ...CATEGORY,
    description:
      "The category of questions the file places in none ($CATEGORY wins); 'Default' when left out.",
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'category must be text' })
  @Length(1, 200, { message: 'category must be between 1 and 200 characters' })
  category?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Import the readable questions even though others have problems.',
  })
  @IsOptional()
  @IsBoolean({ message: 'acceptProblems must be true or false' })
  acceptProblems?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Only read the file: what would be imported, and its problems.',
  })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class GiftProblem {
  @ApiProperty({ example: 12, description: 'The line of the file where the question starts.' })
  line!: number;

  @ApiProperty({ example: 'the answer block is never closed' })
  message!: string;
}

export class GiftImportedQuestion {
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'Null in a dry run.' })
  id!: string | null;

  @ApiProperty({ example: 3, description: 'The line of the file where the question starts.' })
  line!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty(TYPE)
  type!: QuestionType;

  @ApiProperty(CATEGORY)
  category!: string;

  @ApiProperty({ example: 1 })
  points!: number;
}

export class GiftImportResult {
  @ApiProperty({ example: 12, description: 'How many questions were stored (0 in a dry run).' })
  imported!: number;

  @ApiProperty({ type: [GiftImportedQuestion], description: 'The readable questions, in file order.' })
  questions!: GiftImportedQuestion[];

  @ApiProperty({ type: [GiftProblem], description: 'What could not be read, skipped when importing.' })
  problems!: GiftProblem[];
}

export class GiftExportQuery {
  @ApiPropertyOptional({ ...CATEGORY, description: 'Only this category; every category when left out.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  category?: string;
}

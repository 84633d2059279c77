import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsInt, IsObject, Min } from 'class-validator';
import { QuizSettings, QuizSlot } from './quiz-settings.dto.js';

/** A fixed slot's question as the bank holds it now. */
export class QuizSlotQuestion {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty()
  category!: string;

  @ApiProperty({ description: "The question's own points." })
  points!: number;

  @ApiProperty({ description: 'Its current version, which publishing freezes.' })
  version!: number;

  @ApiProperty({ description: 'An archived question keeps the course from being published.' })
  archived!: boolean;
}

export class QuizDraftSlot extends QuizSlot {
  @ApiProperty({
    type: QuizSlotQuestion,
    nullable: true,
    required: false,
    description: 'For `question` slots.',
  })
  question?: QuizSlotQuestion | null;

  @ApiProperty({
    required: false,
    description: 'For `random` slots: questions of the category not fixed elsewhere in the quiz.',
  })
  available?: number;
}

export class QuizDraftView {
  @ApiProperty({ description: "The quiz activity's title, as the outline shows it." })
  title!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ description: 'An archived course is read-only: saving answers 409 until it is restored.' })
  courseArchived!: boolean;

  @ApiProperty({ format: 'uuid' })
  institutionId!: string;

  @ApiProperty({ type: QuizSettings })
  settings!: QuizSettings;

  @ApiProperty({ type: [QuizDraftSlot] })
  slots!: QuizDraftSlot[];

  @ApiProperty({ description: 'Questions an attempt asks: fixed ones plus every draw.' })
  questionCount!: number;

  @ApiProperty({ example: 3, description: "The quiz's own revision; send it back when saving." })
  revision!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SaveQuizRequest {
  @ApiProperty({
    example: 3,
    description: 'The revision the edit is based on; a stale one gets a 409 with the current quiz.',
  })
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1, { message: 'revision must be at least 1' })
  revision!: number;

  @ApiProperty({
    type: QuizSettings,
    description: 'Every setting; checked field by field (422 naming the path).',
  })
  @IsObject({ message: 'settings must be an object' })
  settings!: QuizSettings;

  @ApiProperty({ type: [QuizSlot], description: 'In the order an unshuffled attempt asks them.' })
  @IsArray({ message: 'slots must be a list' })
  slots!: QuizSlot[];
}

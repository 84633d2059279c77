import { ApiProperty } from '@nestjs/swagger';
import { COMPLETION_RULES, FEEDBACK_TIMINGS, GRADE_RULES, LAYOUTS } from './quiz-settings.js';

/** A quiz's settings (ADR 0014); checked field by field on save, 422 naming `settings.<field>`. */
export class QuizSettings {
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 100, description: 'null: unlimited.' })
  attemptsAllowed!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, description: 'null: no time limit.' })
  timeLimitMinutes!: number | null;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 70,
    description: 'Percent of the maximum points needed to pass.',
  })
  passingScore!: number;

  @ApiProperty({ description: 'Each attempt shows the questions in its own order.' })
  shuffleQuestions!: boolean;

  @ApiProperty({ description: 'Each attempt shows options and matching prompts in its own order.' })
  shuffleOptions!: boolean;

  @ApiProperty({ enum: LAYOUTS })
  layout!: (typeof LAYOUTS)[number];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  availableFrom!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Attempts cannot start after it, and an open attempt ends at it.',
  })
  availableUntil!: string | null;

  @ApiProperty({
    enum: FEEDBACK_TIMINGS,
    description:
      '`immediate`: a learner may check each answer (it is then locked); `after-submit`: once the attempt is submitted; `after-close`: once `availableUntil` has passed.',
  })
  feedback!: (typeof FEEDBACK_TIMINGS)[number];

  @ApiProperty({ description: 'Feedback includes the correct answers.' })
  showCorrectAnswers!: boolean;

  @ApiProperty({ enum: GRADE_RULES, description: "Which attempt's score counts." })
  grade!: (typeof GRADE_RULES)[number];

  @ApiProperty({
    enum: COMPLETION_RULES,
    description: '`pass`: the activity completes when an attempt passes; `submit`: when one is submitted.',
  })
  completion!: (typeof COMPLETION_RULES)[number];
}

/** One slot of a quiz's draft: a fixed question of the bank, or a random draw from a category. */
export class QuizSlot {
  @ApiProperty({ enum: ['question', 'random'] })
  kind!: 'question' | 'random';

  @ApiProperty({ format: 'uuid', required: false, description: 'For `question` slots.' })
  questionId?: string;

  @ApiProperty({ required: false, description: 'For `random` slots: the bank category drawn from.' })
  category?: string;

  @ApiProperty({
    required: false,
    minimum: 1,
    description: 'For `random` slots: how many questions are drawn.',
  })
  count?: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    required: false,
    description: "Points of each question of the slot, instead of the question's own.",
  })
  points?: number | null;
}

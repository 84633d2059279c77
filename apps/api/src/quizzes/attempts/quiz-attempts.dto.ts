import { ApiProperty } from '@nestjs/swagger';
import { Allow, IsISO8601 } from 'class-validator';
import { QUESTION_TYPES } from '../questions/index.js';
import { QuizSettings } from './quiz-settings.dto.js';

const RICH_TEXT = {
  type: 'object',
  additionalProperties: true,
  description: 'A tiptap JSON document.',
} as const;

export type Availability = 'open' | 'not-yet' | 'closed';
export type CannotStart = 'not-yet' | 'closed' | 'no-attempts-left';

/**
 * A question as a learner sees it in an attempt: built by `learnerView`, so it holds no answer key.
 * Which fields are present depends on `type`.
 */
export class LearnerQuestion {
  @ApiProperty({ enum: [...QUESTION_TYPES] })
  type!: string;

  @ApiProperty(RICH_TEXT)
  prompt!: Record<string, unknown>;

  @ApiProperty({ description: 'What a fully right answer earns.' })
  points!: number;

  @ApiProperty({
    required: false,
    description: 'single-choice, multiple-response: `[{ id, text }]` in this attempt’s order.',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  options?: { id: string; text: Record<string, unknown> }[];

  @ApiProperty({ required: false, type: [String], description: 'numeric: the units an answer may carry.' })
  units?: string[];

  @ApiProperty({
    required: false,
    description: 'matching: `[{ id, prompt }]` in this attempt’s order.',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  prompts?: { id: string; prompt: Record<string, unknown> }[];

  @ApiProperty({ required: false, type: [String], description: 'matching: every answer offered, sorted.' })
  answers?: string[];

  @ApiProperty({
    required: false,
    description: 'ordering: `[{ id, text }]`, shuffled.',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  items?: { id: string; text: Record<string, unknown> }[];

  @ApiProperty({ required: false, description: 'essay: the fewest words asked for.' })
  minWords?: number;
}

/** How one answer did; given only when the quiz's feedback setting allows. */
export class SlotFeedback {
  @ApiProperty({ enum: ['graded', 'needs-grading', 'ungraded'] })
  status!: 'graded' | 'needs-grading' | 'ungraded';

  @ApiProperty({ enum: ['right', 'partly-right', 'wrong'], nullable: true, type: String })
  outcome!: 'right' | 'partly-right' | 'wrong' | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Points earned; null until graded.' })
  points!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({ type: 'array', items: RICH_TEXT, description: 'Feedback on the answer given.' })
  feedback!: Record<string, unknown>[];

  @ApiProperty({ ...RICH_TEXT, nullable: true, description: 'Feedback for everyone who answered.' })
  generalFeedback!: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'A right answer in the shape of a response (`{ optionId }`, `{ optionIds }`, `{ answer }`, `{ text }`, `{ matches }`, `{ order }`), when the quiz shows correct answers; null otherwise and for essays.',
  })
  correctResponse!: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true, description: "The trainer's comment on a graded essay." })
  comment!: string | null;
}

export class AttemptResult {
  @ApiProperty({ type: Number, nullable: true, description: 'Null while an essay awaits grading.' })
  points!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'points / maxPoints, 0..1; null while grading is pending.',
  })
  score!: number | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Null while grading is pending.' })
  passed!: boolean | null;

  @ApiProperty({ description: 'Essays awaiting a trainer.' })
  pendingGrading!: number;
}

export class AttemptSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: ['open', 'submitted'] })
  status!: 'open' | 'submitted';

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadline!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ description: 'Submitted because its time was up.' })
  autoSubmitted!: boolean;

  @ApiProperty({
    type: AttemptResult,
    nullable: true,
    description:
      'Once submitted, and only when the feedback setting allows (after-close: once the quiz closes).',
  })
  result!: AttemptResult | null;
}

export class QuizOverview {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: QuizSettings })
  settings!: QuizSettings;

  @ApiProperty()
  questionCount!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Null when random draws make it vary.' })
  maxPoints!: number | null;

  @ApiProperty({ enum: ['open', 'not-yet', 'closed'] })
  availability!: Availability;

  @ApiProperty()
  attemptsUsed!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'null: unlimited.' })
  attemptsAllowed!: number | null;

  @ApiProperty({ description: 'Whether starting would begin a new attempt now.' })
  canStart!: boolean;

  @ApiProperty({ enum: ['not-yet', 'closed', 'no-attempts-left'], nullable: true, type: String })
  cannotStart!: CannotStart | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The attempt in progress, to resume.',
  })
  openAttemptId!: string | null;

  @ApiProperty({ type: [AttemptSummary], description: 'Oldest first.' })
  attempts!: AttemptSummary[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The score that counts (by the `grade` setting), 0..1, among the results shown.',
  })
  bestScore!: number | null;

  @ApiProperty({ description: 'Whether the attempt that counts passed, among the results shown.' })
  passed!: boolean;

  @ApiProperty({ format: 'date-time', description: "The server's clock, for countdowns." })
  serverNow!: string;
}

export class AttemptSlotView {
  @ApiProperty({ description: 'Its number in the attempt, from 1, in the order to show.' })
  slot!: number;

  @ApiProperty({ description: 'What a fully right answer earns.' })
  points!: number;

  @ApiProperty({ type: LearnerQuestion })
  question!: LearnerQuestion;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The learner's saved response, null when unanswered.",
  })
  response!: Record<string, unknown> | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt!: string | null;

  @ApiProperty({ description: 'Checked (immediate feedback) or submitted: the answer can no longer change.' })
  locked!: boolean;

  @ApiProperty({ type: SlotFeedback, nullable: true })
  feedback!: SlotFeedback | null;
}

export class AttemptQuiz {
  @ApiProperty({ description: "The course's slug." })
  slug!: string;

  @ApiProperty({ format: 'uuid' })
  activityId!: string;

  @ApiProperty()
  title!: string;
}

export class AttemptView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: ['open', 'submitted'] })
  status!: 'open' | 'submitted';

  @ApiProperty({ type: AttemptQuiz })
  quiz!: AttemptQuiz;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Answers are refused a little after it (grace), and the attempt is then submitted.',
  })
  deadline!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty()
  autoSubmitted!: boolean;

  @ApiProperty({ format: 'date-time', description: "The server's clock, for the countdown." })
  serverNow!: string;

  @ApiProperty({ enum: ['one-per-page', 'all-on-one-page'] })
  layout!: string;

  @ApiProperty({ enum: ['immediate', 'after-submit', 'after-close'] })
  feedbackTiming!: string;

  @ApiProperty({ type: [AttemptSlotView] })
  slots!: AttemptSlotView[];

  @ApiProperty({ type: AttemptResult, nullable: true, description: 'Only as the feedback setting allows.' })
  result!: AttemptResult | null;
}

export class SaveAnswerRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'The response in its question type’s shape (`{ optionId }`, `{ optionIds }`, `{ answer }`, `{ text }`, `{ matches }`, `{ order }`); null clears it.',
  })
  @Allow()
  response!: Record<string, unknown> | null;

  @ApiProperty({
    format: 'date-time',
    description:
      "When it was answered, by the learner's device: a retried older save does not overwrite a newer one.",
  })
  @IsISO8601({ strict: true }, { message: 'at must be a date and time (ISO 8601)' })
  at!: string;
}

export class SaveAnswerResult {
  @ApiProperty()
  slot!: number;

  @ApiProperty({ format: 'date-time', description: 'When the stored answer was given.' })
  answeredAt!: string;
}

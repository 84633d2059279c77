import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PrintableText, trim } from '../../common/validation/text-rules.js';
import { PageMeta, PageQuery } from '../../common/pagination/page.dto.js';

export const LEARNER_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type LearnerStatus = (typeof LEARNER_STATUSES)[number];
export const STATUS_FILTERS = ['not_started', 'in_progress', 'behind', 'completed'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const SORTS = ['name', 'progress', 'lastActivity'] as const;
export type ProgressSort = (typeof SORTS)[number];
export const ORDERS = ['asc', 'desc'] as const;
export const SCORM_STATUSES = ['not_attempted', 'incomplete', 'completed', 'passed', 'failed'] as const;
export const CERTIFICATE_STATUSES = ['none', 'pending', 'issued', 'revoked', 'expired'] as const;
export const AUDIENCES = ['not_started', 'behind', 'selected'] as const;
export type ReminderAudience = (typeof AUDIENCES)[number];

/** Which learners, in which order: the dashboard's list and its CSV take the same. */
export class ProgressFilter {
  @ApiPropertyOptional({
    enum: STATUS_FILTERS,
    enumName: 'CohortProgressFilter',
    description: '`behind` is any learner behind, whatever their status.',
  })
  @IsOptional()
  @IsIn(STATUS_FILTERS, { message: `status must be one of ${STATUS_FILTERS.join(', ')}` })
  status?: StatusFilter;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS, enumName: 'CohortProgressSort', default: 'name' })
  @IsOptional()
  @IsIn(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` })
  sort: ProgressSort = 'name';

  @ApiPropertyOptional({
    enum: ORDERS,
    default: 'asc',
    description: 'Learners who never did anything come first when sorting by last activity, ascending.',
  })
  @IsOptional()
  @IsIn(ORDERS, { message: 'order must be asc or desc' })
  order: 'asc' | 'desc' = 'asc';
}

/** A page of the dashboard's list. */
export class ProgressQuery extends IntersectionType(PageQuery, ProgressFilter) {}

export class ProgressCsvQuery extends ProgressFilter {
  @ApiPropertyOptional({
    enum: ['en', 'es', 'fr'],
    description: "The headings' and words' language; the caller's preferred language by default.",
  })
  @IsOptional()
  @IsIn(['en', 'es', 'fr'], { message: 'language must be one of en, es, fr' })
  language?: 'en' | 'es' | 'fr';
}

export class QuizStanding {
  @ApiProperty({ description: 'Whether any attempt was submitted.' })
  attempted!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "Whole percent: the best attempt's score (with several quizzes, the mean of each one's best).",
  })
  bestScorePercent!: number | null;

  @ApiProperty({ description: 'Every quiz of the course passed.' })
  passed!: boolean;
}

export class ScormStanding {
  @ApiProperty({ enum: SCORM_STATUSES, enumName: 'CohortScormStatus' })
  status!: (typeof SCORM_STATUSES)[number];
}

export class CertificateStanding {
  @ApiProperty({ enum: CERTIFICATE_STATUSES, enumName: 'CohortCertificateStatus' })
  status!: (typeof CERTIFICATE_STATUSES)[number];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '7K3M-Q9PX-2D4R-HT6W',
    description: 'Issued ones only.',
  })
  code!: string | null;
}

export class CourseProgress {
  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'False when the learner has no enrolment in the course (yet).' })
  enrolled!: boolean;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description: 'Whole percent of the required activities completed.',
  })
  progressPercent!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({
    type: QuizStanding,
    nullable: true,
    description: "Null when the learner's version has no quiz.",
  })
  quiz!: QuizStanding | null;

  @ApiProperty({
    type: ScormStanding,
    nullable: true,
    description: "Null when the learner's version has no SCORM package.",
  })
  scorm!: ScormStanding | null;

  @ApiProperty({
    type: CertificateStanding,
    nullable: true,
    description: 'Null when the course gives no certificates and the learner has none.',
  })
  certificate!: CertificateStanding | null;
}

export class LearnerProgress {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({
    enum: LEARNER_STATUSES,
    enumName: 'CohortLearnerStatus',
    description: 'Completed: every course of the cohort; not started: nothing opened in any of them.',
  })
  status!: LearnerStatus;

  @ApiProperty({
    description:
      "A deadline of the cohort passed for a module they have not completed, or the cohort's end date passed before they completed.",
  })
  behind!: boolean;

  @ApiProperty({ type: String, nullable: true, description: "Why, in the caller's language." })
  behindReason!: string | null;

  @ApiProperty({ minimum: 0, maximum: 100, description: "Whole percent: the mean of the cohort's courses." })
  progressPercent!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastActivityAt!: string | null;

  @ApiProperty({ type: [CourseProgress], description: "In the cohort's course order." })
  courses!: CourseProgress[];
}

export class ProgressCounts {
  @ApiProperty()
  members!: number;

  @ApiProperty()
  notStarted!: number;

  @ApiProperty()
  inProgress!: number;

  @ApiProperty({ description: 'Behind, whatever their status (a subset of the others).' })
  behind!: number;

  @ApiProperty()
  completed!: number;
}

export class CohortProgressPage extends PageMeta {
  @ApiProperty({ type: [LearnerProgress] })
  items!: LearnerProgress[];

  @ApiProperty({ type: ProgressCounts, description: 'Over every member, whatever the filters.' })
  summary!: ProgressCounts;
}

export class ReminderRequest {
  @ApiProperty({ enum: AUDIENCES, enumName: 'ReminderAudience' })
  @IsIn(AUDIENCES, { message: `audience must be one of ${AUDIENCES.join(', ')}` })
  audience!: ReminderAudience;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The members to remind, when the audience is `selected`.',
  })
  @ValidateIf((body: ReminderRequest) => body.audience === 'selected' || body.userIds !== undefined)
  @IsArray({ message: 'userIds must list the members to remind' })
  @ArrayMinSize(1, { message: 'userIds must list at least one member' })
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'each of userIds must be a UUID' })
  userIds?: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Plain text added to the e-mail, quoted.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @PrintableText('message')
  message?: string;
}

export class ReminderRecipient {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;
}

export class ReminderPreview {
  @ApiProperty()
  recipientCount!: number;

  @ApiProperty({ type: [ReminderRecipient], description: 'The first 50, by name.' })
  recipients!: ReminderRecipient[];

  @ApiProperty({
    description: 'People of the audience left out because they were reminded in the last 24 hours.',
  })
  recentlyReminded!: number;

  @ApiProperty({ description: "The e-mail's subject, in the caller's language." })
  subject!: string;

  @ApiProperty({
    description: "The e-mail's text as the first recipient would read it, in the caller's language.",
  })
  text!: string;
}

export class ReminderResult {
  @ApiProperty({ description: 'How many learners were sent the reminder.' })
  sent!: number;

  @ApiProperty({
    description: 'People of the audience left out because they were reminded in the last 24 hours.',
  })
  recentlyReminded!: number;
}

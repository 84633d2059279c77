import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../../common/pagination/page.dto.js';

const COMPLETIONS = ['not attempted', 'incomplete', 'completed', 'unknown'] as const;
const SUCCESSES = ['passed', 'failed', 'unknown'] as const;
type Completion = (typeof COMPLETIONS)[number];
type Success = (typeof SUCCESSES)[number];

/** One learner of a scorm activity, as its trainers list them. */
export class ScormLearnerRow {
  @ApiProperty({ format: 'uuid' })
  enrolmentId!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: COMPLETIONS, description: "The organization's rolled-up completion." })
  completion!: Completion;

  @ApiProperty({ enum: SUCCESSES, description: "The organization's rolled-up success." })
  success!: Success;

  @ApiProperty({ type: Number, nullable: true })
  scoreScaled!: number | null;

  @ApiProperty({ description: 'Time spent in every attempt of every SCO, in seconds.' })
  totalSeconds!: number;

  @ApiProperty({ description: 'Attempts, all SCOs together.' })
  attempts!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLaunchedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the activity was completed.',
  })
  completedAt!: string | null;
}

export class ScormLearnerPage extends PageMeta {
  @ApiProperty({ type: [ScormLearnerRow] })
  items!: ScormLearnerRow[];
}

export class ScormInteractionView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  type!: string | null;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true })
  learnerResponse!: string | null;

  @ApiProperty({ type: [String] })
  correctResponses!: string[];

  @ApiProperty({ type: String, nullable: true })
  result!: string | null;

  @ApiProperty({ type: String, nullable: true })
  weighting!: string | null;

  @ApiProperty({ type: String, nullable: true })
  latency!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '2004 timestamp, or 1.2 time of day.' })
  timestamp!: string | null;
}

export class ScormAttemptView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: ['open', 'suspended', 'ended'] })
  state!: 'open' | 'suspended' | 'ended';

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt!: string | null;

  @ApiProperty()
  sessionCount!: number;

  @ApiProperty({ enum: COMPLETIONS })
  completion!: Completion;

  @ApiProperty({ enum: SUCCESSES })
  success!: Success;

  @ApiProperty({ type: Number, nullable: true })
  scoreScaled!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  scoreRaw!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  scoreMin!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  scoreMax!: number | null;

  @ApiProperty()
  totalSeconds!: number;

  @ApiProperty({ type: String, nullable: true })
  location!: string | null;

  @ApiProperty({ description: 'Characters of suspend data kept (its content is the SCO’s own).' })
  suspendDataLength!: number;

  @ApiProperty({ type: String, nullable: true })
  exit!: string | null;

  @ApiProperty({ type: [ScormInteractionView] })
  interactions!: ScormInteractionView[];
}

export class ScormScoAttempts {
  @ApiProperty()
  identifier!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null: the SCO is no longer in the package the learner plays.',
  })
  title!: string | null;

  @ApiProperty({ type: [ScormAttemptView] })
  attempts!: ScormAttemptView[];
}

export class ScormLearnerDetail {
  @ApiProperty({ format: 'uuid' })
  enrolmentId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({
    type: [ScormScoAttempts],
    description: 'SCOs in tree order, then any no longer in the package.',
  })
  scos!: ScormScoAttempts[];
}

export class ScormResetResult {
  @ApiProperty({ description: 'Attempts ended.' })
  reset!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PrintableText, trim } from '../../common/validation/text-rules.js';
import { ASSESSMENT_STATUSES, ASSESSMENT_SUBJECTS } from '../assessments/assessment.entity.js';
import type { AssessmentStatus, AssessmentSubject } from '../assessments/assessment.entity.js';
import { ScaleLevelView } from '../assessments/my-assessments.dto.js';
import { MINIMUM_RATERS } from './anonymity.js';

const WITHHELD =
  'Null (zeros, empty) while fewer than three people answered: a figure from fewer could point at someone.';

export class AnonymousCommentView {
  @ApiProperty({ description: 'The comment, without its author; may be empty when only a link was given.' })
  text!: string;

  @ApiProperty({ type: String, nullable: true })
  evidenceUrl!: string | null;
}

export class DistributionCount {
  @ApiProperty({ example: 3 })
  value!: number;

  @ApiProperty({ example: 4 })
  count!: number;
}

export class ConsensusRecordView {
  @ApiProperty({ type: Number, nullable: true, description: 'Null when the group agreed it does not know.' })
  value!: number | null;

  @ApiProperty()
  dontKnow!: boolean;

  @ApiProperty()
  notes!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class StatementConsensus {
  @ApiProperty({ format: 'uuid' })
  statementId!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'Participants who answered it, "don\'t know" included.' })
  answered!: number;

  @ApiProperty({ description: `Of those, "don't know". ${WITHHELD}` })
  dontKnow!: number;

  @ApiProperty({
    description:
      "True when this statement's figures are withheld: the whole round has fewer than three raters, or fewer than three people answered this statement.",
  })
  withheld!: boolean;

  @ApiProperty({
    type: [DistributionCount],
    description: `Every level of the scale, zeros included. ${WITHHELD}`,
  })
  distribution!: DistributionCount[];

  @ApiProperty({ type: Number, nullable: true, description: WITHHELD })
  mean!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: `Population standard deviation. ${WITHHELD}` })
  spread!: number | null;

  @ApiProperty({
    description:
      'Strong disagreement: a spread of at least a quarter of the scale with two ratings or more, or ratings at both ends of the scale. False when withheld.',
  })
  disagreement!: boolean;

  @ApiProperty({
    type: [AnonymousCommentView],
    description: `Sorted by text, never by author or time. ${WITHHELD}`,
  })
  comments!: AnonymousCommentView[];

  @ApiProperty({ type: ConsensusRecordView, nullable: true })
  consensus!: ConsensusRecordView | null;
}

export class ConsensusDimension {
  @ApiProperty({ example: 'leadership' })
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [StatementConsensus] })
  statements!: StatementConsensus[];
}

export class ConsensusView {
  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  status!: AssessmentStatus;

  @ApiProperty({ description: 'Participants who answered at least one statement.' })
  raters!: number;

  @ApiProperty({ description: 'Fewer than three raters: no distribution, mean, spread or comment is shown.' })
  withheld!: boolean;

  @ApiProperty({ type: [ScaleLevelView] })
  scale!: ScaleLevelView[];

  @ApiProperty({ type: [ConsensusDimension] })
  dimensions!: ConsensusDimension[];
}

export class RecordConsensusRequest {
  @ApiPropertyOptional({ description: 'A level of the scale; leave out with dontKnow: true.' })
  @IsOptional()
  @IsInt({ message: 'value must be a whole number' })
  value?: number;

  @ApiPropertyOptional({ description: 'True when the group agrees it does not know (then no value).' })
  @IsOptional()
  @IsBoolean({ message: 'dontKnow must be true or false' })
  dontKnow?: boolean;

  @ApiPropertyOptional({ maxLength: 4000, description: 'What the group said; not tied to anyone.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'notes must be text' })
  @MaxLength(4000, { message: 'notes must be at most 4000 characters' })
  @PrintableText('notes')
  notes?: string;
}

export class ResultsExportQuery {
  @ApiPropertyOptional({
    enum: ['en', 'es', 'fr'],
    description: "The export's language; the caller's by default.",
  })
  @IsOptional()
  @IsIn(['en', 'es', 'fr'], { message: 'language must be one of en, es, fr' })
  language?: string;
}

export class RegionalQuery {
  @ApiProperty({ format: 'uuid', description: 'The framework version whose assessments are pooled.' })
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId!: string;
}

export class ResultsAssessmentRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ASSESSMENT_SUBJECTS, enumName: 'AssessmentSubject' })
  subject!: AssessmentSubject;

  @ApiProperty({ example: 'LC' })
  country!: string;

  @ApiProperty()
  institutionName!: string;

  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' })
  status!: AssessmentStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
}

export class ResultsScale {
  @ApiProperty()
  min!: number;

  @ApiProperty()
  max!: number;

  @ApiProperty({ type: [ScaleLevelView] })
  levels!: ScaleLevelView[];
}

export class DimensionResult {
  @ApiProperty({ example: 'leadership' })
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'How many statements it has.' })
  statements!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: `Mean of the individual ratings ("don't know" left out) of the statements at least ${MINIMUM_RATERS} people answered, whose figures the consensus view shows. ${WITHHELD}`,
  })
  average!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: `Population standard deviation of those ratings. ${WITHHELD}`,
  })
  spread!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean of the agreed ratings, when any was recorded.',
  })
  consensus!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The consensus when there is one, else the average.',
  })
  score!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The previous assessment's score for this dimension.",
  })
  previousScore!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'score − previousScore.' })
  change!: number | null;
}

export class ResultsRecommendation {
  @ApiProperty({ example: 'leadership' })
  dimensionKey!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseSlug!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  moduleId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  moduleTitle!: string | null;
}

export class EGovernmentSource {
  @ApiProperty({ example: 'United Nations E-Government Survey 2024' })
  title!: string;

  @ApiProperty({ example: 'UN DESA' })
  publisher!: string;

  @ApiProperty({ example: 'https://publicadministration.un.org/egovkb/en-us/Data-Center' })
  url!: string;
}

export class EGovernmentIndicesView {
  @ApiProperty({ example: 'LC' })
  country!: string;

  @ApiProperty({ example: 2024 })
  year!: number;

  @ApiProperty({ description: 'E-Government Development Index (0–1).' })
  egdi!: number;

  @ApiProperty({ description: 'Rank among the 193 UN member states.' })
  rank!: number;

  @ApiProperty({ description: 'Online Service Index.' })
  osi!: number;

  @ApiProperty({ description: 'Human Capital Index.' })
  hci!: number;

  @ApiProperty({ description: 'Telecommunications Infrastructure Index.' })
  tii!: number;

  @ApiProperty({ description: 'E-Participation Index.' })
  epi!: number;

  @ApiProperty({ type: EGovernmentSource })
  source!: EGovernmentSource;
}

export class PreviousAssessmentRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
}

export class ResultsView {
  @ApiProperty({ type: ResultsAssessmentRef })
  assessment!: ResultsAssessmentRef;

  @ApiProperty({ type: ResultsScale })
  scale!: ResultsScale;

  @ApiProperty()
  participants!: number;

  @ApiProperty({ description: 'Participants who answered at least one statement.' })
  raters!: number;

  @ApiProperty({ description: 'Fewer than three raters: averages and spreads are withheld.' })
  withheld!: boolean;

  @ApiProperty({ type: [DimensionResult], description: "In the framework's order." })
  dimensions!: DimensionResult[];

  @ApiProperty({
    type: [String],
    description: 'Keys of up to two strongest dimensions scoring at least the midpoint.',
  })
  strengths!: string[];

  @ApiProperty({
    type: [String],
    description: 'Keys of up to three weakest dimensions scoring below the top, weakest first.',
  })
  gaps!: string[];

  @ApiProperty({ type: [ResultsRecommendation], description: 'Modules recommended for the gaps.' })
  recommendations!: ResultsRecommendation[];

  @ApiProperty({
    type: EGovernmentIndicesView,
    nullable: true,
    description: 'Country context from the UN E-Government Survey 2024, when we have it for the country.',
  })
  eGovernment!: EGovernmentIndicesView | null;

  @ApiProperty({ type: PreviousAssessmentRef, nullable: true })
  previous!: PreviousAssessmentRef | null;
}

export class RegionalDimension {
  @ApiProperty({ example: 'leadership' })
  key!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Mean of the countries' scores; null when withheld.",
  })
  score!: number | null;
}

export class RegionalView {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ description: 'Countries pooled (their latest completed, opted-in country assessment).' })
  countries!: number;

  @ApiProperty({ description: 'Fewer than three countries: no score is shown.' })
  withheld!: boolean;

  @ApiProperty({ type: [RegionalDimension] })
  dimensions!: RegionalDimension[];
}

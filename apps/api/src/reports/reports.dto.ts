import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  BREAKDOWNS,
  DISAGGREGATIONS,
  MEASURES,
  NOT_STATED,
  type Breakdown,
  type Disaggregation,
  type MeasureName,
} from './report-dimensions.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filters every report takes. An institution admin's are always narrowed to their institutions. */
export class ReportFilterQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'First month of the period (YYYY-MM), inclusive.' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month written YYYY-MM, such as 2026-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-06', description: 'Last month of the period (YYYY-MM), inclusive.' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month written YYYY-MM, such as 2026-06' })
  to?: string;

  @ApiPropertyOptional({
    example: 'LC',
    description: `The learners' country (ISO 3166-1 alpha-2), or \`${NOT_STATED}\`.`,
  })
  @IsOptional()
  @Matches(/^([A-Z]{2}|not_stated)$/, {
    message: 'country must be a two-letter ISO 3166-1 code such as LC, or not_stated',
  })
  country?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Institution admins: one of theirs (404 otherwise).' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({
    description: `The learners' ministry or department as they wrote it, or \`${NOT_STATED}\`.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;
}

export class BreakdownQuery extends ReportFilterQuery {
  @ApiProperty({ enum: BREAKDOWNS, enumName: 'ReportBreakdownBy' })
  @IsIn(BREAKDOWNS)
  by!: Breakdown;

  @ApiPropertyOptional({ enum: DISAGGREGATIONS, enumName: 'ReportDisaggregation', default: 'none' })
  @IsOptional()
  @IsIn(DISAGGREGATIONS)
  disaggregate: Disaggregation = 'none';
}

export class BreakdownCsvQuery extends BreakdownQuery {
  @ApiPropertyOptional({
    enum: ['en', 'es', 'fr'],
    description: "Headings' language; the caller's by default.",
  })
  @IsOptional()
  @IsIn(['en', 'es', 'fr'])
  language?: string;
}

/**
 * The measures of one group (or category, or total). A value resting on fewer than 5 people is
 * withheld (null, and named in `withheld`), as is any value that would let one be worked out by
 * subtraction; when the enrolments themselves are withheld the whole cell is (`suppressed`).
 */
export class ReportCell {
  @ApiProperty({ description: 'The whole cell is withheld: every measure is null.' })
  suppressed!: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'Enrolments made in the period.' })
  enrolments!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Learners with any activity in the period (progress, or a visit to the course).',
  })
  activeLearners!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Courses completed in the period.' })
  completions!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Among enrolments with a graded quiz result in the period, the share that passed every quiz graded (0..1). Null when withheld, or when nobody has a graded result.',
  })
  passRate!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Mean days from enrolment to completion over the completions of the period. Null when withheld, or with no completions.',
  })
  averageDaysToComplete!: number | null;

  @ApiProperty({
    enum: MEASURES,
    enumName: 'ReportMeasure',
    isArray: true,
    description:
      'The measures withheld to protect small groups (null for that reason, not for lack of data).',
  })
  withheld!: MeasureName[];
}

const CELLS = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(ReportCell) },
  description: 'One cell per category, keyed by category.',
} as const;

export class ReportGroup {
  @ApiProperty({
    example: 'LC',
    description:
      'Country code, institution / cohort / course id, department, or month (YYYY-MM); `not_stated` or (cohort) `none` for learners without one; `other` for departments named by fewer than 5 people, counted together.',
  })
  key!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Name of the institution, cohort or course; the department; null for a country, month, not_stated, none or other.',
  })
  label!: string | null;

  @ApiProperty(CELLS)
  cells!: Record<string, ReportCell>;

  @ApiProperty({ type: ReportCell, description: 'The group over every category.' })
  total!: ReportCell;
}

export class ReportTotals {
  @ApiProperty(CELLS)
  cells!: Record<string, ReportCell>;

  @ApiProperty({ type: ReportCell, description: 'Everything the report counts.' })
  total!: ReportCell;
}

export class ReportPeriod {
  @ApiProperty({ type: String, nullable: true, example: '2026-01' })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-06' })
  to!: string | null;
}

export class ReportBreakdown {
  @ApiProperty({ enum: BREAKDOWNS, enumName: 'ReportBreakdownBy' })
  by!: Breakdown;

  @ApiProperty({ enum: DISAGGREGATIONS, enumName: 'ReportDisaggregation' })
  disaggregate!: Disaggregation;

  @ApiProperty({
    type: [String],
    example: ['female', 'male', 'another', 'not_stated'],
    description:
      'The columns, in order; empty without disaggregation. Island or region: the answers given by at least 5 people, then `other`, then `not_stated`.',
  })
  categories!: string[];

  @ApiProperty({ type: [ReportGroup] })
  groups!: ReportGroup[];

  @ApiProperty({ type: ReportTotals, description: 'Each category over every group, and the grand total.' })
  totals!: ReportTotals;

  @ApiProperty({ type: ReportPeriod })
  period!: ReportPeriod;

  @ApiProperty({
    format: 'date-time',
    description: 'When the figures were taken; they are refreshed every few minutes.',
  })
  dataAsOf!: string;
}

export class ReportSummary {
  @ApiProperty({ type: ReportCell })
  totals!: ReportCell;

  @ApiProperty({ type: ReportPeriod })
  period!: ReportPeriod;

  @ApiProperty({ format: 'date-time' })
  dataAsOf!: string;
}

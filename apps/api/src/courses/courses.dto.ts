import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsNotIn,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { fileUrl } from '../files/files.dto.js';
import { CourseLanguage, CourseStatus, EnrolmentMode, type Course } from './course.entity.js';
import { RESERVED_SLUGS } from './catalogue-filters.js';
import { OutlineModule } from './outline.dto.js';
import { clearable, RevisionRules, TextListRules, TitleRules } from './course-rules.js';
import { sent, trim } from '../common/validation/text-rules.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SlugRules = () =>
  applyDecorators(
    IsString({ message: 'slug must be text' }),
    MaxLength(100, { message: 'slug must be at most 100 characters' }),
    Matches(SLUG, { message: 'slug must be lowercase letters and digits joined by single hyphens' }),
    IsNotIn(RESERVED_SLUGS, {
      message: `slug must not be ${RESERVED_SLUGS.join(' or ')}: the catalogue uses it`,
    }),
  );
const SummaryRules = () =>
  applyDecorators(
    Transform(trim),
    IsString({ message: 'summary must be text' }),
    MaxLength(2000, { message: 'summary must be at most 2000 characters' }),
  );
const LanguageRules = () =>
  IsEnum(CourseLanguage, { message: `language must be one of ${Object.values(CourseLanguage).join(', ')}` });
const EnrolmentRules = () =>
  IsEnum(EnrolmentMode, {
    message: `enrolmentMode must be one of ${Object.values(EnrolmentMode).join(', ')}`,
  });
const TextRules = (field: string, max: number) =>
  applyDecorators(
    Transform(trim),
    IsString({ message: `${field} must be text` }),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
  );
const HoursRules = () =>
  applyDecorators(
    IsNumber(
      { maxDecimalPlaces: 1 },
      { message: 'estimatedHours must be a number with at most one decimal' },
    ),
    Min(0.1, { message: 'estimatedHours must be greater than 0' }),
    Max(9999, { message: 'estimatedHours must be at most 9999' }),
  );
const SdgRules = () =>
  applyDecorators(
    IsArray({ message: 'sdgs must be a list' }),
    ArrayMaxSize(17, { message: 'sdgs may hold at most 17 goals' }),
    IsInt({ each: true, message: 'sdgs must be goal numbers from 1 to 17' }),
    Min(1, { each: true, message: 'sdgs must be goal numbers from 1 to 17' }),
    Max(17, { each: true, message: 'sdgs must be goal numbers from 1 to 17' }),
  );
const STATUS = { enum: CourseStatus, enumName: 'CourseStatus' };
const LANGUAGE = { enum: CourseLanguage, enumName: 'CourseLanguage' };
const ENROLMENT = {
  enum: EnrolmentMode,
  enumName: 'EnrolmentMode',
  description: 'Open to anyone, by invitation, or only through a cohort.',
};
const SLUG_DOC = {
  example: 'innovation-digital-government',
  description: 'Lowercase letters and digits in words joined by hyphens; unique.',
};
const TITLE = { example: 'Innovation and Digital Government for Public Service Delivery', maxLength: 200 };
const SUMMARY = { maxLength: 2000 };
const TOOLKIT: ApiPropertyOptions = {
  type: String,
  nullable: true,
  description: 'The Curriculum on Governance toolkit it comes from.',
};
const OUTCOMES: ApiPropertyOptions = { type: [String], description: 'Learning outcomes, one sentence each.' };
const HOURS: ApiPropertyOptions = { type: Number, nullable: true, example: 6.5 };
const COVER_ALT: ApiPropertyOptions = {
  type: String,
  nullable: true,
  description: 'Alternative text of the cover image.',
};
const COVER_FILE: ApiPropertyOptions = {
  type: String,
  format: 'uuid',
  nullable: true,
  description:
    "An image uploaded for the course's institution (POST /api/studio/files); null removes the cover. A cover needs coverAlt.",
};
const TOPICS: ApiPropertyOptions = { type: [String] };
const SDGS: ApiPropertyOptions = {
  type: [Number],
  description: 'Sustainable Development Goal numbers, 1 to 17.',
};

export class CourseListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the title or slug, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  query?: string;

  @ApiPropertyOptional(STATUS)
  @IsOptional()
  @IsEnum(CourseStatus, { message: `status must be one of ${Object.values(CourseStatus).join(', ')}` })
  status?: CourseStatus;
}

export class CourseSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty(SLUG_DOC)
  slug!: string;

  @ApiProperty(TITLE)
  title!: string;

  @ApiProperty(LANGUAGE)
  language!: CourseLanguage;

  @ApiProperty(STATUS)
  status!: CourseStatus;

  @ApiProperty({ format: 'uuid' })
  institutionId!: string;

  @ApiProperty()
  revision!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(course: Course): CourseSummary {
    const { id, slug, title, language, status, institutionId, revision } = course;
    return {
      id,
      slug,
      title,
      language,
      status,
      institutionId,
      revision,
      updatedAt: course.updatedAt.toISOString(),
    };
  }
}

export class CoursePage extends PageMeta {
  @ApiProperty({ type: [CourseSummary] })
  items!: CourseSummary[];
}

/** Everything an author edits: metadata, revision and the outline. */
export class CourseDetail extends CourseSummary {
  @ApiProperty(SUMMARY)
  summary!: string;

  @ApiProperty(TOOLKIT)
  toolkit!: string | null;

  @ApiProperty(OUTCOMES)
  outcomes!: string[];

  @ApiProperty(HOURS)
  estimatedHours!: number | null;

  @ApiProperty(COVER_FILE)
  coverFileId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '/api/files/2b0c5d0e-4f1e-4a7b-9d7e-3c1f0a6b8e21' })
  coverUrl!: string | null;

  @ApiProperty(COVER_ALT)
  coverAlt!: string | null;

  @ApiProperty(TOPICS)
  topics!: string[];

  @ApiProperty(SDGS)
  sdgs!: number[];

  @ApiProperty(ENROLMENT)
  enrolmentMode!: EnrolmentMode;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [OutlineModule], description: 'Modules in order, each with its activities in order.' })
  modules!: OutlineModule[];

  static of(course: Course, modules: OutlineModule[]): CourseDetail {
    return {
      ...CourseSummary.from(course),
      summary: course.summary,
      toolkit: course.toolkit,
      outcomes: course.outcomes,
      estimatedHours: course.estimatedHours,
      coverFileId: course.coverFileId,
      coverUrl: course.coverFileId ? fileUrl(course.coverFileId) : null,
      coverAlt: course.coverAlt,
      topics: course.topics,
      sdgs: course.sdgs,
      enrolmentMode: course.enrolmentMode,
      createdAt: course.createdAt.toISOString(),
      modules,
    };
  }
}

export class CreateCourseRequest {
  @ApiProperty(SLUG_DOC)
  @SlugRules()
  slug!: string;

  @ApiProperty(TITLE)
  @TitleRules()
  title!: string;

  @ApiPropertyOptional(SUMMARY)
  @IsOptional()
  @SummaryRules()
  summary?: string;

  @ApiProperty(LANGUAGE)
  @LanguageRules()
  language!: CourseLanguage;

  @ApiProperty({
    format: 'uuid',
    description: 'The owning institution; you must be a trainer or admin there.',
  })
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId!: string;

  @ApiPropertyOptional({ ...ENROLMENT, default: EnrolmentMode.Open })
  @IsOptional()
  @EnrolmentRules()
  enrolmentMode?: EnrolmentMode;

  @ApiPropertyOptional(TOOLKIT)
  @clearable()
  @TextRules('toolkit', 200)
  toolkit?: string | null;

  @ApiPropertyOptional(OUTCOMES)
  @IsOptional()
  @TextListRules('outcomes', 30, 500)
  outcomes?: string[];

  @ApiPropertyOptional(HOURS)
  @clearable()
  @HoursRules()
  estimatedHours?: number | null;

  @ApiPropertyOptional(COVER_ALT)
  @clearable()
  @TextRules('coverAlt', 500)
  coverAlt?: string | null;

  @ApiPropertyOptional(TOPICS)
  @IsOptional()
  @TextListRules('topics', 30, 100)
  topics?: string[];

  @ApiPropertyOptional(SDGS)
  @IsOptional()
  @SdgRules()
  sdgs?: number[];
}

/** Only the fields sent change; `revision` is the one the author read. */
export class UpdateCourseRequest {
  @RevisionRules()
  revision!: number;

  @ApiPropertyOptional(SLUG_DOC)
  @sent()
  @SlugRules()
  slug?: string;

  @ApiPropertyOptional(TITLE)
  @sent()
  @TitleRules()
  title?: string;

  @ApiPropertyOptional(SUMMARY)
  @sent()
  @SummaryRules()
  summary?: string;

  @ApiPropertyOptional(LANGUAGE)
  @sent()
  @LanguageRules()
  language?: CourseLanguage;

  @ApiPropertyOptional(ENROLMENT)
  @sent()
  @EnrolmentRules()
  enrolmentMode?: EnrolmentMode;

  @ApiPropertyOptional(TOOLKIT)
  @clearable()
  @TextRules('toolkit', 200)
  toolkit?: string | null;

  @ApiPropertyOptional(OUTCOMES)
  @sent()
  @TextListRules('outcomes', 30, 500)
  outcomes?: string[];

  @ApiPropertyOptional(HOURS)
  @clearable()
  @HoursRules()
  estimatedHours?: number | null;

  @ApiPropertyOptional(COVER_FILE)
  @clearable()
  @IsUUID('all', { message: 'coverFileId must be the id of an uploaded image' })
  coverFileId?: string | null;

  @ApiPropertyOptional(COVER_ALT)
  @clearable()
  @TextRules('coverAlt', 500)
  coverAlt?: string | null;

  @ApiPropertyOptional(TOPICS)
  @sent()
  @TextListRules('topics', 30, 100)
  topics?: string[];

  @ApiPropertyOptional(SDGS)
  @sent()
  @SdgRules()
  sdgs?: number[];
}

/** A copy's title and address; both optional: "Copy of …" and a free address derived from the title. */
export class DuplicateCourseRequest {
  @ApiPropertyOptional({
    ...TITLE,
    example: 'Innovation and Digital Government (Guyana edition)',
    description: 'Default: "Copy of " and the original title.',
  })
  @sent()
  @TitleRules()
  title?: string;

  @ApiPropertyOptional({
    ...SLUG_DOC,
    description:
      'Default: made from the title, with -2, -3… added until it is free. A slug sent and taken is a 409.',
  })
  @sent()
  @SlugRules()
  slug?: string;
}

/** The answer to adding a module or an activity: its id, and the course as it now is. */
export class CreatedOutlineItem {
  @ApiProperty({ format: 'uuid', description: 'The id of the new module or activity.' })
  id!: string;

  @ApiProperty({ type: CourseDetail, description: 'The course after the change, with its new revision.' })
  course!: CourseDetail;
}

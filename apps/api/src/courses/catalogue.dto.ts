import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { COURSE_LENGTHS, CourseLength } from './catalogue-filters.js';
import { CourseLanguage } from './course.entity.js';
import { trim } from '../common/validation/text-rules.js';

/** A repeated query parameter arrives as a list, a single one as text: always a list here. */
const asList = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).map((item) => (typeof item === 'string' ? item.trim() : item));
const LANGUAGES = Object.values(CourseLanguage).join(', ');

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the title, summary or a topic, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  query?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description:
      'Courses with any of these topics, spelt as `GET /api/courses/facets` lists them. Repeat the parameter for several.',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(20, { message: 'topic may be given at most 20 times' })
  @IsString({ each: true, message: 'each topic must be text' })
  @Length(1, 100, { each: true, message: 'each topic must be 1 to 100 characters' })
  topic?: string[];

  @ApiPropertyOptional({
    enum: CourseLanguage,
    enumName: 'CourseLanguage',
    isArray: true,
    description: 'Courses in any of these languages. Repeat the parameter for several.',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(3, { message: 'language may be given at most 3 times' })
  @IsEnum(CourseLanguage, { each: true, message: `language must be one of ${LANGUAGES}` })
  language?: CourseLanguage[];

  @ApiPropertyOptional({
    enum: CourseLength,
    enumName: 'CourseLength',
    description:
      'Estimated time: under 5 hours, 5 to 20 hours, or over 20 hours. Courses without an estimate match none.',
  })
  @IsOptional()
  @IsEnum(CourseLength, { message: `length must be one of ${COURSE_LENGTHS.join(', ')}` })
  length?: CourseLength;
}

/** A published course as the catalogue lists it, from its latest version. */
export class CatalogueCourse {
  @ApiProperty({ example: 'innovation-digital-government' })
  slug!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty({ type: Number, nullable: true, example: 11 })
  estimatedHours!: number | null;

  @ApiProperty({ type: [String] })
  topics!: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/files/2b0c5d0e-4f1e-4a7b-9d7e-3c1f0a6b8e21',
    description: 'The cover image, if any (the course page has its alternative text, coverAlt).',
  })
  coverUrl!: string | null;

  @ApiProperty({ example: 2, description: 'The number of the latest published version.' })
  version!: number;
}

export class CataloguePage extends PageMeta {
  @ApiProperty({ type: [CatalogueCourse] })
  items!: CatalogueCourse[];
}

export class TopicFacet {
  @ApiProperty({ example: 'digital government' })
  value!: string;

  @ApiProperty({ example: 3, description: 'How many published courses have this topic.' })
  count!: number;
}

export class LanguageFacet {
  @ApiProperty({ enum: CourseLanguage, enumName: 'CourseLanguage' })
  value!: CourseLanguage;

  @ApiProperty({ example: 5 })
  count!: number;
}

export class LengthFacet {
  @ApiProperty({ enum: CourseLength, enumName: 'CourseLength' })
  value!: CourseLength;

  @ApiProperty({ example: 2, description: 'May be 0: every band is listed, in order.' })
  count!: number;
}

/** What the catalogue's filter controls offer, counted over every published course. */
export class CatalogueFacets {
  @ApiProperty({ example: 7, description: 'How many courses are published.' })
  total!: number;

  @ApiProperty({ type: [TopicFacet], description: 'Topics present, alphabetically.' })
  topics!: TopicFacet[];

  @ApiProperty({ type: [LanguageFacet], description: 'Languages present, by code.' })
  languages!: LanguageFacet[];

  @ApiProperty({ type: [LengthFacet], description: 'The three length bands, shortest first.' })
  lengths!: LengthFacet[];
}

export class CatalogueActivity {
  @ApiProperty({ format: 'uuid', description: 'Stable across versions.' })
  id!: string;

  @ApiProperty({ example: 'lesson' })
  kind!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  required!: boolean;
}

export class CatalogueModule {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: [String] })
  objectives!: string[];

  @ApiProperty({ type: Number, nullable: true })
  estimatedMinutes!: number | null;

  @ApiProperty({ type: [CatalogueActivity] })
  activities!: CatalogueActivity[];
}

/** The course page: the latest version's metadata and outline, without the lessons themselves. */
export class CatalogueCourseDetail extends CatalogueCourse {
  @ApiProperty({ type: String, nullable: true })
  toolkit!: string | null;

  @ApiProperty({ type: [String] })
  outcomes!: string[];

  @ApiProperty({ type: [Number] })
  sdgs!: number[];

  @ApiProperty({ type: String, nullable: true })
  coverAlt!: string | null;

  @ApiProperty({ enum: ['open', 'invitation', 'cohort'] })
  enrolmentMode!: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ type: [CatalogueModule] })
  modules!: CatalogueModule[];
}

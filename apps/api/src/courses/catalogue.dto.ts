import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { trim } from './course-rules.js';

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the title, summary or a topic, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  query?: string;
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

  @ApiProperty({ example: 2, description: 'The number of the latest published version.' })
  version!: number;
}

export class CataloguePage extends PageMeta {
  @ApiProperty({ type: [CatalogueCourse] })
  items!: CatalogueCourse[];
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

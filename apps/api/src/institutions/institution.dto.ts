import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { InstitutionKind, type Institution } from './institution.entity.js';
import { trim, sent } from '../common/validation/text-rules.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class InstitutionListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'LC', description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code such as LC' })
  country?: string;
}

export class InstitutionSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Saint Lucia Public Service Training Centre' })
  name!: string;

  @ApiProperty({ example: 'lc-public-service-training' })
  slug!: string;

  @ApiProperty({ example: 'LC' })
  country!: string;

  @ApiProperty({ enum: InstitutionKind, enumName: 'InstitutionKind' })
  kind!: InstitutionKind;

  static from(institution: Institution): InstitutionSummary {
    const { id, name, slug, country, kind } = institution;
    return { id, name, slug, country, kind };
  }
}

export class InstitutionPage extends PageMeta {
  @ApiProperty({ type: [InstitutionSummary] })
  items!: InstitutionSummary[];
}

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);

const NameRules = () =>
  applyDecorators(
    Transform(trim),
    IsString({ message: 'name must be text' }),
    Length(1, 200, { message: 'name must be between 1 and 200 characters' }),
  );
const SlugRules = () =>
  applyDecorators(
    IsString({ message: 'slug must be text' }),
    MaxLength(100),
    Matches(SLUG, { message: 'slug must be lowercase letters and digits joined by single hyphens' }),
  );
const CountryRules = () =>
  applyDecorators(
    Transform(upper),
    IsString({ message: 'country must be text' }),
    Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code such as LC' }),
  );
const KindRules = () =>
  IsEnum(InstitutionKind, { message: `kind must be one of ${Object.values(InstitutionKind).join(', ')}` });

const NAME = { example: 'Saint Lucia Public Service Training Centre', minLength: 1, maxLength: 200 };
const SLUG_DOC = {
  example: 'lc-public-service-training',
  description: 'Lowercase letters and digits in words joined by hyphens; unique.',
};
const COUNTRY = { example: 'LC', description: 'ISO 3166-1 alpha-2 country code.' };
const KIND = { enum: InstitutionKind, enumName: 'InstitutionKind' };

export class CreateInstitutionRequest {
  @ApiProperty(NAME)
  @NameRules()
  name!: string;

  @ApiProperty(SLUG_DOC)
  @SlugRules()
  slug!: string;

  @ApiProperty(COUNTRY)
  @CountryRules()
  country!: string;

  @ApiProperty(KIND)
  @KindRules()
  kind!: InstitutionKind;
}

/** Only the fields sent change. */
export class UpdateInstitutionRequest {
  @ApiPropertyOptional(NAME)
  @sent()
  @NameRules()
  name?: string;

  @ApiPropertyOptional(SLUG_DOC)
  @sent()
  @SlugRules()
  slug?: string;

  @ApiPropertyOptional(COUNTRY)
  @sent()
  @CountryRules()
  country?: string;

  @ApiPropertyOptional(KIND)
  @sent()
  @KindRules()
  kind?: InstitutionKind;
}

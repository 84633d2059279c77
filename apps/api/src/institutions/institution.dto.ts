import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { InstitutionKind, type Institution } from './institution.entity.js';

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

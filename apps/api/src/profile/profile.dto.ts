import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.dto.js';
import { Transform } from 'class-transformer';
import {
  Equals,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AGE_BANDS, DISABILITY_VALUES, SEX_VALUES } from './reporting-profile.entity.js';
import { trim } from '../common/validation/text-rules.js';

/** An empty text field means "clear it". */
const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** The person's own profile: what GET /api/me says about them, without the id and admin flag. */
export class ProfileView extends OmitType(CurrentUser, ['id', 'isPlatformAdmin'] as const) {}

export class UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: 100 })
  // Not @IsOptional: that would let null through, and every account needs a name and a language.
  @ValidateIf((_, value) => value !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ['en', 'es', 'fr'] })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(['en', 'es', 'fr'], { message: 'preferredLanguage must be one of en, es, fr' })
  preferredLanguage?: 'en' | 'es' | 'fr';

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'LC',
    description: 'ISO 3166-1 alpha-2, or null.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @ValidateIf((_, value) => value !== null)
  @IsISO31661Alpha2({ message: 'country must be a two-letter ISO 3166-1 code such as LC' })
  country?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @Transform(trimOrNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  department?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @Transform(trimOrNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;
}

export class ReportingProfileView {
  @ApiProperty({
    description: 'False when the person has not given (or has withdrawn) consent: nothing is stored.',
  })
  consented!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  consentedAt!: string | null;

  @ApiProperty({ enum: SEX_VALUES, nullable: true })
  sex!: (typeof SEX_VALUES)[number] | null;

  @ApiProperty({ enum: AGE_BANDS, nullable: true })
  ageBand!: (typeof AGE_BANDS)[number] | null;

  @ApiProperty({ enum: DISABILITY_VALUES, nullable: true })
  disability!: (typeof DISABILITY_VALUES)[number] | null;

  @ApiProperty({ nullable: true, type: String, example: 'Grand Bahama' })
  islandRegion!: string | null;
}

export class PutReportingProfileRequest {
  @ApiProperty({
    enum: [true],
    description: 'Must be true: the person agrees that these answers are stored for reporting.',
  })
  @Equals(true, { message: 'consent must be true to store reporting details' })
  consent!: true;

  @ApiPropertyOptional({ enum: SEX_VALUES, nullable: true })
  @IsOptional()
  @IsIn(SEX_VALUES, { message: `sex must be one of ${SEX_VALUES.join(', ')}` })
  sex?: (typeof SEX_VALUES)[number] | null;

  @ApiPropertyOptional({ enum: AGE_BANDS, nullable: true })
  @IsOptional()
  @IsIn(AGE_BANDS, { message: `ageBand must be one of ${AGE_BANDS.join(', ')}` })
  ageBand?: (typeof AGE_BANDS)[number] | null;

  @ApiPropertyOptional({ enum: DISABILITY_VALUES, nullable: true })
  @IsOptional()
  @IsIn(DISABILITY_VALUES, { message: `disability must be one of ${DISABILITY_VALUES.join(', ')}` })
  disability?: (typeof DISABILITY_VALUES)[number] | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100, example: 'Grand Bahama' })
  @IsOptional()
  @Transform(trimOrNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  islandRegion?: string | null;
}

export class DeleteAccountRequest {
  @ApiProperty({ description: 'The current password, to confirm it is really you.' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(256)
  password!: string;
}

export class ExportedProfile extends ProfileView {
  @ApiProperty()
  isPlatformAdmin!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  passwordChangedAt!: string;
}

export class ExportedMembership {
  @ApiProperty({ format: 'uuid' })
  institutionId!: string;

  @ApiProperty()
  institutionName!: string;

  @ApiProperty({ enum: ['learner', 'trainer', 'institution_admin'] })
  role!: string;
}

/** Everything the platform holds about a person, as one JSON document (their right of access). */
export class DataExport {
  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: ExportedProfile })
  profile!: ExportedProfile;

  @ApiProperty({ type: ReportingProfileView })
  reportingProfile!: ReportingProfileView;

  @ApiProperty({ type: [ExportedMembership] })
  memberships!: ExportedMembership[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  sessions!: Record<string, unknown>[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  apiTokens!: Record<string, unknown>[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  auditEvents!: Record<string, unknown>[];
}

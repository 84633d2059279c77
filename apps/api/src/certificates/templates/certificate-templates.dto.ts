import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  MAX_BODY_LENGTH,
  MAX_LOGOS,
  MAX_SIGNATORIES,
  MAX_SIGNATORY_NAME_LENGTH,
  MAX_SIGNATORY_TITLE_LENGTH,
  MAX_TITLE_LENGTH,
  TEMPLATE_LANGUAGES,
  TEMPLATE_ORIENTATIONS,
  type CertificateTemplateView,
  type Signatory,
  type TemplateLanguage,
  type TemplateOrientation,
} from './certificate-template.js';
import type { CertificateSettings } from './certificate-settings.service.js';
import { PLACEHOLDERS } from './placeholders.js';
import { PrintableLine, PrintableText } from '../../common/validation/text-rules.js';

const PLACEHOLDER_LIST = PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ');

/** Whether, how and for how long a course gives certificates. */
export class CertificateSettingsBody implements CertificateSettings {
  @ApiProperty({ description: 'Whether learners who complete the course get a certificate.' })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({
    enum: ['automatic', 'approval'],
    description: 'automatic: issued on completion; approval: held until an administrator approves.',
  })
  @IsIn(['automatic', 'approval'])
  issueMode!: 'automatic' | 'approval';

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 600,
    description: 'Months a certificate stays valid after issue; null: no expiry.',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(600)
  validityMonths!: number | null;
}

export class SignatoryBody implements Signatory {
  @ApiProperty({ maxLength: MAX_SIGNATORY_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_SIGNATORY_NAME_LENGTH)
  @PrintableLine('name')
  name!: string;

  @ApiProperty({ maxLength: MAX_SIGNATORY_TITLE_LENGTH, example: 'Director of Training' })
  @IsString()
  @Length(1, MAX_SIGNATORY_TITLE_LENGTH)
  @PrintableLine('title')
  title!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "A PNG or JPEG uploaded for the course's institution (POST /api/studio/files).",
  })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  signatureFileId!: string | null;
}

/** What a template says; the preview takes this, saving adds the version it was edited from. */
export class TemplateContentBody {
  @ApiProperty({ maxLength: MAX_TITLE_LENGTH, description: `May use placeholders: ${PLACEHOLDER_LIST}` })
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  @PrintableLine('title')
  title!: string;

  @ApiProperty({ maxLength: MAX_BODY_LENGTH, description: `May use placeholders: ${PLACEHOLDER_LIST}` })
  @IsString()
  @Length(1, MAX_BODY_LENGTH)
  @PrintableText('body')
  body!: string;

  @ApiProperty({ enum: TEMPLATE_LANGUAGES, description: 'The language of the wording and the dates.' })
  @IsIn(TEMPLATE_LANGUAGES)
  language!: TemplateLanguage;

  @ApiProperty({ enum: TEMPLATE_ORIENTATIONS })
  @IsIn(TEMPLATE_ORIENTATIONS)
  orientation!: TemplateOrientation;

  @ApiProperty({
    type: [String],
    maxItems: MAX_LOGOS,
    description: "Up to 3 PNG or JPEG files uploaded for the course's institution, drawn left to right.",
  })
  @IsArray()
  @ArrayMaxSize(MAX_LOGOS)
  @IsUUID('all', { each: true })
  logoFileIds!: string[];

  @ApiProperty({ type: [SignatoryBody], maxItems: MAX_SIGNATORIES })
  @IsArray()
  @ArrayMaxSize(MAX_SIGNATORIES)
  @ValidateNested({ each: true })
  @Type(() => SignatoryBody)
  signatories!: SignatoryBody[];
}

export class SaveTemplateBody extends TemplateContentBody {
  @ApiProperty({
    minimum: 0,
    description: 'The version you edited (0 when the course has none yet); 409 if another was saved since.',
  })
  @IsInt()
  @Min(0)
  expectedVersion!: number;
}

export class TemplateAuthor {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;
}

export class CertificateTemplateResponse implements CertificateTemplateView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ minimum: 1 })
  version!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: TEMPLATE_LANGUAGES })
  language!: TemplateLanguage;

  @ApiProperty({ enum: TEMPLATE_ORIENTATIONS })
  orientation!: TemplateOrientation;

  @ApiProperty({ type: [String] })
  logoFileIds!: string[];

  @ApiProperty({ type: [SignatoryBody] })
  signatories!: Signatory[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: TemplateAuthor, nullable: true, description: 'null for the default version.' })
  createdBy!: TemplateAuthor | null;
}

export class CertificateTemplateList {
  @ApiProperty({ type: [CertificateTemplateResponse], description: 'Newest first.' })
  items!: CertificateTemplateResponse[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PrintableLine, trim } from '../common/validation/text-rules.js';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { MAIL_LANGUAGES } from '../notifications/mail-templates.js';
import type { EnrolOutcome } from './cohort-enrolment.service.js';
import { SENDABLE_EMAIL } from './sendable-email.js';

const KINDS = ['member', 'invited'] as const;
const OUTCOMES: EnrolOutcome[] = ['enrolled', 'invited', 'already_member', 'already_invited'];
const SOURCES = ['manual', 'import', 'invitation', 'move'] as const;

export class CohortMemberQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: KINDS, description: 'Members, or people invited who have not accepted yet.' })
  @IsOptional()
  @IsIn(KINDS, { message: `status must be one of ${KINDS.join(', ')}` })
  status?: (typeof KINDS)[number];
}

export class CohortMemberView {
  @ApiProperty({ enum: KINDS, enumName: 'CohortMemberKind' })
  kind!: (typeof KINDS)[number];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set for members.' })
  userId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set for people invited.' })
  invitationId!: string | null;

  @ApiProperty({
    description: "The account's name; for people invited, the name given for them, or their address.",
  })
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ format: 'date-time' })
  addedAt!: string;

  @ApiProperty({ enum: SOURCES, enumName: 'CohortMemberSource' })
  source!: (typeof SOURCES)[number];
}

export class CohortMemberPage extends PageMeta {
  @ApiProperty({ type: [CohortMemberView] })
  items!: CohortMemberView[];
}

export class AddCohortMemberRequest {
  @ApiProperty({ example: 'marie.joseph@gov.lc' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Matches(SENDABLE_EMAIL, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'For an invitation: greets them, and prefills their name.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'givenName must be text' })
  @MaxLength(100)
  @PrintableLine('givenName')
  givenName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'familyName must be text' })
  @MaxLength(100)
  @PrintableLine('familyName')
  familyName?: string;

  @ApiPropertyOptional({
    enum: MAIL_LANGUAGES,
    description: "The invitation's language when they have no account; yours by default.",
  })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: `language must be one of ${MAIL_LANGUAGES.join(', ')}` })
  language?: (typeof MAIL_LANGUAGES)[number];
}

export class AddCohortMemberResponse {
  @ApiProperty({
    enum: OUTCOMES,
    enumName: 'CohortEnrolOutcome',
    description:
      'enrolled: had an account, now a member enrolled in every course (and told by e-mail); invited: no account, invitation e-mailed; already_member / already_invited: nothing changed.',
  })
  outcome!: EnrolOutcome;
}

export class MoveCohortMemberRequest {
  @ApiProperty({ format: 'uuid', description: 'An open cohort of the same institution.' })
  @IsUUID('all', { message: 'toCohortId must be a UUID' })
  toCohortId!: string;
}

export class MoveCohortMemberResponse {
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;

  @ApiProperty({ description: "How many of the target cohort's courses they were newly enrolled in." })
  enrolmentsCreated!: number;
}

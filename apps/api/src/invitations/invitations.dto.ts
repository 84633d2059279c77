import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { MAIL_LANGUAGES } from '../notifications/mail-templates.js';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { statusOf, type Invitation, type InvitationStatus } from './invitation.entity.js';
import { trim } from '../common/validation/text-rules.js';

const STATUSES: InvitationStatus[] = ['open', 'accepted', 'revoked', 'expired'];

export class CreateInvitationRequest {
  @ApiProperty({ example: 'new.trainer@gov.lc' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: InstitutionRole, enumName: 'InstitutionRole' })
  @IsEnum(InstitutionRole, { message: `role must be one of ${Object.values(InstitutionRole).join(', ')}` })
  role!: InstitutionRole;

  @ApiPropertyOptional({
    enum: MAIL_LANGUAGES,
    description: "The language of the e-mail and of the new account; the inviter's language by default.",
  })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: `language must be one of ${MAIL_LANGUAGES.join(', ')}` })
  language?: (typeof MAIL_LANGUAGES)[number];
}

export class InvitationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, enumName: 'InvitationStatus' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: InvitationStatus;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ format: 'uuid' })
  institutionId!: string;

  @ApiProperty({ enum: InstitutionRole, enumName: 'InstitutionRole' })
  role!: InstitutionRole;

  @ApiProperty({ enum: MAIL_LANGUAGES })
  language!: string;

  @ApiProperty({ enum: STATUSES, enumName: 'InvitationStatus' })
  status!: InvitationStatus;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  invitedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  acceptedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt!: string | null;

  static from(invitation: Invitation): InvitationView {
    const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
    return {
      id: invitation.id,
      email: invitation.email,
      institutionId: invitation.institutionId,
      role: invitation.role,
      language: invitation.language,
      status: statusOf(invitation),
      invitedBy: invitation.invitedBy,
      createdAt: new Date(invitation.createdAt).toISOString(),
      expiresAt: new Date(invitation.expiresAt).toISOString(),
      acceptedAt: iso(invitation.acceptedAt),
      revokedAt: iso(invitation.revokedAt),
    };
  }
}

export class InvitationPage extends PageMeta {
  @ApiProperty({ type: [InvitationView] })
  items!: InvitationView[];
}

/** What the person holding the link may see before accepting: nothing beyond the invitation itself. */
export class InvitationPreview {
  @ApiProperty({ description: 'The invited address.' })
  email!: string;

  @ApiProperty()
  institutionName!: string;

  @ApiProperty({ enum: InstitutionRole, enumName: 'InstitutionRole' })
  role!: InstitutionRole;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({
    description: 'Whether an account with this address exists: if so, sign in as it before accepting.',
  })
  accountExists!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'A name the inviter gave for the invitee (given and family name), to prefill the new account; null when none, or when the account exists.',
  })
  suggestedDisplayName!: string | null;
}

export class AcceptInvitationRequest {
  @ApiProperty({ description: 'The token from the invitation link.' })
  @IsString({ message: 'token must be text' })
  @MinLength(1, { message: 'token must not be empty' })
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({ description: 'Required when no account with the invited address exists.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'displayName must be text' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({
    description: 'Required when no account with the invited address exists; at least 12 characters.',
  })
  @IsOptional()
  @IsString({ message: 'password must be text' })
  @MaxLength(256)
  password?: string;
}

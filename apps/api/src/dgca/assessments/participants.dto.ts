import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PrintableLine, trim } from '../../common/validation/text-rules.js';
import { SENDABLE_EMAIL } from '../../cohorts/sendable-email.js';
import { MAIL_LANGUAGES } from '../../notifications/mail-templates.js';

export const ADD_OUTCOMES = ['added', 'invited', 'already'] as const;
export type AddOutcome = (typeof ADD_OUTCOMES)[number];

export class ParticipantView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null once the account was deleted: its anonymous ratings stay.',
  })
  userId!: string | null;

  @ApiProperty({ description: 'Empty once the account was deleted.' })
  displayName!: string;

  @ApiProperty({ description: 'Empty once the account was deleted.' })
  email!: string;

  @ApiProperty({ description: 'Statements they have answered (a rating or "don\'t know").' })
  answered!: number;

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  addedAt!: string;
}

export class InviteeView {
  @ApiProperty({ format: 'uuid' })
  invitationId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;

  @ApiProperty({ format: 'date-time' })
  invitedAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({
    enum: ['pending', 'expired'],
    description: 'An expired invitation can be renewed by adding them again.',
  })
  status!: 'pending' | 'expired';
}

export class ParticipantsView {
  @ApiProperty({ type: [ParticipantView], description: 'Sorted by name.' })
  participants!: ParticipantView[];

  @ApiProperty({ type: [InviteeView], description: 'Sorted by name, then address.' })
  invitees!: InviteeView[];
}

/** A UTF-16 surrogate without its pair: validator's isEmail throws on it (encodeURI), a 500. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const trimWellFormed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(LONE_SURROGATE, '\uFFFD') : value;

export class PersonInput {
  @ApiProperty({ example: 'marie.joseph@gov.lc' })
  @Transform(trimWellFormed)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Matches(SENDABLE_EMAIL, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'For an invitation: greets them, and prefills their name.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'displayName must be text' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  @PrintableLine('displayName')
  displayName?: string;
}

export class AddParticipantsRequest {
  @ApiProperty({ type: [PersonInput], minItems: 1, maxItems: 200 })
  @IsArray({ message: 'people must be a list' })
  @ArrayMinSize(1, { message: 'people must name at least one person' })
  @ArrayMaxSize(200, { message: 'people must name at most 200 people at once' })
  // ValidateNested passes a list inside the list (it validates that list's items, none), which
  // then reached the service as a person without an e-mail.
  @IsObject({ each: true, message: 'people must be a list of { email, displayName? }' })
  @ValidateNested({ each: true })
  @Type(() => PersonInput)
  people!: PersonInput[];

  @ApiPropertyOptional({
    enum: MAIL_LANGUAGES,
    description: 'Language of the invitations to people without an account; yours by default.',
  })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: `language must be one of ${MAIL_LANGUAGES.join(', ')}` })
  language?: (typeof MAIL_LANGUAGES)[number];
}

export class AddResult {
  @ApiProperty({ description: 'Lower-cased.' })
  email!: string;

  @ApiProperty({
    enum: ADD_OUTCOMES,
    enumName: 'AddParticipantOutcome',
    description:
      'added: had an account, now a participant; invited: invited by e-mail; already: a participant or invited already.',
  })
  outcome!: AddOutcome;
}

export class AddParticipantsResponse {
  @ApiProperty({ type: [AddResult], description: 'One per distinct address, in the order given.' })
  results!: AddResult[];
}

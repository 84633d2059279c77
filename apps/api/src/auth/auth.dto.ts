import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { InstitutionRole } from '../accounts/membership.entity.js';
import { trim } from '../common/validation/text-rules.js';

export class SignInRequest {
  @ApiProperty({ example: 'learner@demo.archipelago.local' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'demo-learner-password' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(256)
  password!: string;
}

export class MembershipView {
  @ApiProperty({ format: 'uuid' })
  institutionId!: string;

  @ApiProperty({ example: 'Saint Lucia Public Service Training Centre' })
  institutionName!: string;

  @ApiProperty({ enum: InstitutionRole, enumName: 'InstitutionRole' })
  role!: InstitutionRole;
}

export class CurrentUser {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  emailVerified!: boolean;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ['en', 'es', 'fr'] })
  preferredLanguage!: string;

  @ApiProperty()
  isPlatformAdmin!: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'LC' })
  country!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Ministry of the Public Service' })
  department!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Senior Policy Analyst' })
  jobTitle!: string | null;
}

export class MeResponse {
  @ApiProperty({ type: CurrentUser })
  user!: CurrentUser;

  @ApiProperty({ type: [MembershipView] })
  memberships!: MembershipView[];

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Send it as the X-CSRF-Token header with every state-changing request of this browser session.',
  })
  csrfToken!: string | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../accounts/passwords/password-policy.js';
import { trim } from '../common/validation/text-rules.js';

/** Mailed tokens are base64url; anything else cannot be one, so it is refused before any lookup. */
const TOKEN = /^[\w-]{20,100}$/;

export class SignUpRequest {
  @ApiProperty({ example: 'jane.doe@gov.lc' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12, maxLength: MAX_PASSWORD_LENGTH, description: 'At least 12 characters.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ example: 'Jane Doe' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ['en', 'es', 'fr'] })
  @IsIn(['en', 'es', 'fr'], { message: 'preferredLanguage must be one of en, es, fr' })
  preferredLanguage!: 'en' | 'es' | 'fr';
}

export class TokenRequest {
  @ApiProperty({ description: 'The token from the link in the e-mail.' })
  @IsString()
  @Matches(TOKEN, { message: 'token is not valid, expired or already used' })
  token!: string;
}

export class PasswordResetRequest {
  @ApiProperty({ example: 'jane.doe@gov.lc' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmRequest extends TokenRequest {
  @ApiProperty({ minLength: 12, maxLength: MAX_PASSWORD_LENGTH, description: 'The new password.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class ChangeEmailRequest {
  @ApiProperty({ example: 'jane.doe@finance.gov.lc' })
  @Transform(trim)
  @IsEmail({}, { message: 'newEmail must be an e-mail address' })
  @MaxLength(254)
  newEmail!: string;

  @ApiProperty({ description: 'The current password, to confirm it is really you.' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

/** The answer to requests whose effect arrives by e-mail. */
export class AcceptedResponse {
  @ApiProperty({ example: 'If an account uses this address, we have sent it a link.' })
  message!: string;
}

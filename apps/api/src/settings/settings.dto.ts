import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class PlatformSettingsView {
  @ApiProperty({ description: 'Whether anyone may create an account without an invitation.' })
  signUpOpen!: boolean;
}

/** The settings everyone may read, signed in or not. */
export class PublicSettingsView {
  @ApiProperty({ description: 'Whether the sign-in page should offer to create an account.' })
  signUpOpen!: boolean;
}

export class UpdatePlatformSettingsRequest {
  @ApiPropertyOptional({ description: 'Allow or stop sign-up without an invitation.' })
  @IsOptional()
  @IsBoolean({ message: 'signUpOpen must be true or false' })
  signUpOpen?: boolean;
}

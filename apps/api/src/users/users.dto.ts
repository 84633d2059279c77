import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AccountStatus } from '../accounts/user.entity.js';
import { MembershipView } from '../auth/auth.dto.js';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { trim } from '../common/validation/text-rules.js';

const STATUSES = ['active', 'deactivated', 'deleted'] as const;

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  query?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only members of this institution.' })
  @IsOptional()
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId?: string;

  @ApiPropertyOptional({
    enum: STATUSES,
    enumName: 'AccountStatus',
    description: 'Without it, every account except deleted ones.',
  })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: AccountStatus;
}

export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: STATUSES, enumName: 'AccountStatus' })
  status!: AccountStatus;

  @ApiProperty()
  isPlatformAdmin!: boolean;

  @ApiProperty()
  emailVerified!: boolean;

  @ApiProperty({ enum: ['en', 'es', 'fr'] })
  preferredLanguage!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: [MembershipView],
    description: "For an institution admin, only the memberships in the caller's own institutions.",
  })
  memberships!: MembershipView[];
}

export class UserPage extends PageMeta {
  @ApiProperty({ type: [UserView] })
  items!: UserView[];
}

export class SetPlatformAdminRequest {
  @ApiProperty()
  @IsBoolean({ message: 'isPlatformAdmin must be true or false' })
  isPlatformAdmin!: boolean;
}

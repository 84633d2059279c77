import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AccountStatus } from '../accounts/user.entity.js';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import { trim } from '../common/validation/text-rules.js';

const ROLE_MESSAGE = `role must be one of ${Object.values(InstitutionRole).join(', ')}`;

export class MemberListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address, in any case.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  query?: string;

  @ApiPropertyOptional({ enum: InstitutionRole, enumName: 'InstitutionRole' })
  @IsOptional()
  @IsEnum(InstitutionRole, { message: ROLE_MESSAGE })
  role?: InstitutionRole;
}

export class MemberView {
  @ApiProperty({ format: 'uuid', description: 'The person (user) id.' })
  id!: string;

  @ApiProperty({ example: 'Renée Trainer' })
  displayName!: string;

  @ApiProperty({ example: 'trainer@demo.archipelago.local' })
  email!: string;

  @ApiProperty({ enum: InstitutionRole, enumName: 'InstitutionRole' })
  role!: InstitutionRole;

  @ApiProperty({ enum: ['active', 'deactivated', 'deleted'], enumName: 'AccountStatus' })
  status!: AccountStatus;

  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;
}

export class MemberPage extends PageMeta {
  @ApiProperty({ type: [MemberView] })
  items!: MemberView[];
}

export class ChangeMemberRoleRequest {
  @ApiProperty({ enum: InstitutionRole, enumName: 'InstitutionRole' })
  @IsEnum(InstitutionRole, { message: ROLE_MESSAGE })
  role!: InstitutionRole;
}

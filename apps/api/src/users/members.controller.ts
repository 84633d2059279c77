import { Body, Controller, Delete, Get, HttpCode, Patch, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Roles } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { ChangeMemberRoleRequest, MemberListQuery, MemberPage, MemberView } from './members.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('institutions')
@Controller('institutions/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Roles(InstitutionRole.InstitutionAdmin, InstitutionRole.Trainer)
  @ApiOperation({
    summary: 'List the members of an institution',
    description: 'Its institution admins and trainers (and platform admins) may read it.',
  })
  @ApiOkResponse({ type: MemberPage })
  @ApiNotFoundResponse({ type: ProblemDetails })
  list(
    @UuidParam('id') id: string,
    @Query() query: MemberListQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<MemberPage> {
    return this.members.list(id, query, auth);
  }

  @Patch(':userId')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: "Change a member's role", description: 'Audited with the old and new role.' })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'You are its last institution admin.' })
  changeRole(
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @Body() body: ChangeMemberRoleRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<MemberView> {
    return this.members.changeRole(id, userId, body.role, auth, client);
  }

  @Delete(':userId')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Remove a member from the institution', description: 'Audited.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'You are its last institution admin.' })
  async remove(
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.members.remove(id, userId, auth, client);
  }
}

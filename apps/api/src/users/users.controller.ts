import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { PlatformAdmin, Roles } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { SetPlatformAdminRequest, UserListQuery, UserPage, UserView } from './users.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Find people',
    description: 'Platform admins see everyone; institution admins, the members of their institutions.',
  })
  @ApiOkResponse({ type: UserPage })
  @ApiBadRequestResponse({ type: ProblemDetails })
  list(@Query() query: UserListQuery, @CurrentAuth() auth: AuthContext): Promise<UserPage> {
    return this.users.list(query, auth);
  }

  @Get(':id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Get a person', description: 'A 404 for people outside your institutions.' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<UserView> {
    return this.users.get(id, auth);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Deactivate an account',
    description:
      'Signs the person out everywhere and revokes their API tokens. Institution admins: only people whose memberships are all in their institutions. Audited.',
  })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Yourself, or already deactivated.' })
  deactivate(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<UserView> {
    return this.users.deactivate(id, auth, client);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Reactivate an account', description: 'Same rules as deactivating. Audited.' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Yourself, or already active.' })
  reactivate(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<UserView> {
    return this.users.reactivate(id, auth, client);
  }

  @Patch(':id/platform-admin')
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Grant or withdraw platform administration',
    description: 'Not for yourself. Audited.',
  })
  @ApiOkResponse({ type: UserView })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Yourself, or a deleted account.' })
  setPlatformAdmin(
    @UuidParam('id') id: string,
    @Body() body: SetPlatformAdminRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<UserView> {
    return this.users.setPlatformAdmin(id, body.isPlatformAdmin, auth, client);
  }
}

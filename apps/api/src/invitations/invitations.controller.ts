import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import {
  CreateInvitationRequest,
  InvitationListQuery,
  InvitationPage,
  InvitationView,
} from './invitations.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@Controller('institutions/:id/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Invite someone to the institution',
    description:
      'E-mails a link valid for 7 days. Inviting the same address again replaces the open invitation. Audited.',
  })
  @ApiCreatedResponse({ type: InvitationView })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already a member.' })
  create(
    @UuidParam('id') id: string,
    @Body() body: CreateInvitationRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<InvitationView> {
    return this.invitations.create(id, body, auth, client);
  }

  @Get()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: "List the institution's invitations", description: 'Newest first.' })
  @ApiOkResponse({ type: InvitationPage })
  @ApiNotFoundResponse({ type: ProblemDetails })
  list(
    @UuidParam('id') id: string,
    @Query() query: InvitationListQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<InvitationPage> {
    return this.invitations.list(id, query, auth);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Revoke an invitation', description: 'Its link stops working. Audited.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already accepted or revoked.' })
  async revoke(
    @UuidParam('id') id: string,
    @UuidParam('invitationId') invitationId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.invitations.revoke(id, invitationId, auth, client);
  }
}

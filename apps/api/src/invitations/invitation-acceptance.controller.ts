import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { MeResponse } from '../auth/auth.dto.js';
import { Client, OptionalAuth } from '../auth/current-auth.decorator.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { SessionsService } from '../auth/sessions.service.js';
import { CSRF_HEADER } from '../common/access/access.guard.js';
import { Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { AcceptInvitationRequest, InvitationPreview } from './invitations.dto.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationAcceptanceController {
  constructor(
    private readonly acceptance: InvitationAcceptanceService,
    private readonly sessions: SessionsService,
  ) {}

  @Get(':token')
  @Public(
    'The invitee sees what they are accepting before having an account; the unguessable token is the credential and only the invitation itself is shown.',
  )
  @ApiOperation({
    summary: 'See an invitation',
    description:
      'By the token from the e-mailed link. 410 with `reason` when it expired, was used or revoked.',
  })
  @ApiOkResponse({ type: InvitationPreview })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No invitation has this token.' })
  @ApiGoneResponse({ type: ProblemDetails, description: 'Expired, accepted or revoked (see `reason`).' })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.acceptance.preview(token);
  }

  @Post('accept')
  @HttpCode(200)
  @Public(
    'Accepting is how an invited person gets an account; the unguessable, single-use token is the credential, and an existing account must be signed in.',
  )
  @ApiOperation({
    summary: 'Accept an invitation',
    description:
      'Without an account for the invited address: creates one (displayName and password required) and signs in. With one: you must be signed in as it. Single-use.',
  })
  @ApiOkResponse({ type: MeResponse })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'displayName or password missing or unacceptable.',
  })
  @ApiUnauthorizedResponse({ type: ProblemDetails, description: 'The account exists: sign in first.' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'Signed in as someone else, or already a member.',
  })
  @ApiGoneResponse({ type: ProblemDetails, description: 'Expired, accepted or revoked (see `reason`).' })
  async accept(
    @Body() body: AcceptInvitationRequest,
    @OptionalAuth() auth: AuthContext | undefined,
    @Client() client: ClientInfo,
    @Headers(CSRF_HEADER) csrfToken: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { me, session } = await this.acceptance.accept(body, auth, client, csrfToken);
    if (session) setSessionCookie(reply, session.token, session.maxAgeSeconds, this.sessions.secureCookies);
    return me;
  }
}

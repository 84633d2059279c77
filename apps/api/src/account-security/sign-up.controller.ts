import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ClientInfo } from '../auth/auth-context.js';
import { MeResponse } from '../auth/auth.dto.js';
import { Client } from '../auth/current-auth.decorator.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { SessionsService } from '../auth/sessions.service.js';
import { Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { SignUpRequest } from './account-security.dto.js';
import { SignUpService } from './sign-up.service.js';

@ApiTags('auth')
@Controller('auth')
export class SignUpController {
  constructor(
    private readonly signUps: SignUpService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('sign-up')
  @HttpCode(201)
  @Public(
    'Creating an account is how a newcomer starts; a platform setting can close it, and it is rate-limited.',
  )
  @ApiOperation({
    summary: 'Create an account',
    description:
      'Creates an unverified account, mails a confirmation link (valid 48 hours) and signs the person in.',
  })
  @ApiCreatedResponse({ type: MeResponse })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Invalid field, or a weak password.' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'Sign-up is closed.' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The e-mail address is already registered.' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails })
  async signUp(
    @Body() body: SignUpRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { session, me } = await this.signUps.signUp(body, client);
    setSessionCookie(reply, session.token, session.maxAgeSeconds, this.sessions.secureCookies);
    return me;
  }
}

import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import type { AuthContext, ClientInfo } from './auth-context.js';
import { MeResponse, SignInRequest } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { Client, CurrentAuth } from './current-auth.decorator.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @Public('Signing in is how a person gets rights; it is rate-limited per address and per account.')
  @ApiOperation({
    summary: 'Sign in',
    description: 'Starts a browser session (httpOnly cookie) and returns the person with their CSRF token.',
  })
  @ApiOkResponse({ type: MeResponse })
  @ApiUnauthorizedResponse({
    type: ProblemDetails,
    description: 'Wrong e-mail or password (the same answer for both).',
  })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'The account is deactivated.' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'Too many attempts; see Retry-After.' })
  async login(
    @Body() body: SignInRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { session, me } = await this.auth.signIn(body, client);
    setSessionCookie(reply, session.token, session.maxAgeSeconds, this.sessions.secureCookies);
    return me;
  }

  @Post('auth/logout')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Sign out', description: 'Ends this browser session.' })
  @ApiNoContentResponse()
  async logout(
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(auth, client);
    clearSessionCookie(reply, this.sessions.secureCookies);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({
    summary: 'Who am I',
    description: 'The signed-in person, their memberships and the CSRF token.',
  })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentAuth() auth: AuthContext): MeResponse {
    return this.auth.me(auth);
  }
}

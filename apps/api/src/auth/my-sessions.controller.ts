import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import type { AuthContext, ClientInfo } from './auth-context.js';
import { Client, CurrentAuth } from './current-auth.decorator.js';
import { EndedSessionsResponse, EndSessionsQuery, SessionView } from './my-sessions.dto.js';
import { MySessionsService } from './my-sessions.service.js';
import { clearSessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('account')
@Controller('me/sessions')
export class MySessionsController {
  constructor(
    private readonly mySessions: MySessionsService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  @SignedIn({ interactive: true })
  @ApiOperation({ summary: 'My active sessions', description: 'Every signed-in browser, most recent first.' })
  @ApiOkResponse({ type: [SessionView] })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'API tokens cannot see sessions.' })
  list(@CurrentAuth() auth: AuthContext): Promise<SessionView[]> {
    return this.mySessions.list(auth);
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn({ interactive: true })
  @ApiOperation({ summary: 'End one of my sessions', description: 'Signs that browser out.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  async end(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.mySessions.end(auth, id, client);
    if (id === auth.sessionId) clearSessionCookie(reply, this.sessions.secureCookies);
  }

  @Delete()
  @SignedIn({ interactive: true })
  @ApiOperation({
    summary: 'End my other sessions',
    description: 'Signs out every other browser; with includeCurrent=true this one too.',
  })
  @ApiOkResponse({ type: EndedSessionsResponse })
  async endAll(
    @Query() query: EndSessionsQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EndedSessionsResponse> {
    const includeCurrent = query.includeCurrent === true;
    const ended = await this.mySessions.endAll(auth, includeCurrent, client);
    if (includeCurrent) clearSessionCookie(reply, this.sessions.secureCookies);
    return { ended };
  }
}

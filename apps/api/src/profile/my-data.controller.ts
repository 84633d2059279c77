import { Body, Controller, Delete, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { SessionsService } from '../auth/sessions.service.js';
import { SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { DataExportService } from './data-export.service.js';
import { DataExport, DeleteAccountRequest } from './profile.dto.js';

@ApiTags('account')
@Controller('me')
export class MyDataController {
  constructor(
    private readonly exports: DataExportService,
    private readonly deletion: AccountDeletionService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('export')
  @SignedIn({ interactive: true })
  @ApiOperation({
    summary: 'Download my data',
    description:
      'Everything held about me as a JSON file: profile, reporting details, memberships, sessions, API tokens (never secrets) and my audit events.',
  })
  @ApiOkResponse({ type: DataExport })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'API tokens cannot download personal data.' })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DataExport> {
    const data = await this.exports.export(auth, client);
    const day = data.exportedAt.slice(0, 10);
    reply.header('content-disposition', `attachment; filename="archipelago-my-data-${day}.json"`);
    return data;
  }

  @Delete()
  @HttpCode(204)
  @SignedIn({ interactive: true })
  @ApiOperation({
    summary: 'Delete my account',
    description: 'Anonymises the account, ends every session and revokes every token. Cannot be undone.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Wrong password.' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails })
  async delete(
    @Body() body: DeleteAccountRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.deletion.delete(auth, body.password, client);
    clearSessionCookie(reply, this.sessions.secureCookies);
  }
}

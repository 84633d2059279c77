import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Public, SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import {
  AcceptedResponse,
  ChangeEmailRequest,
  ChangePasswordRequest,
  TokenRequest,
} from './account-security.dto.js';
import { CredentialsService } from './credentials.service.js';

@ApiTags('account')
@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Post('me/password')
  @HttpCode(204)
  @SignedIn({ interactive: true })
  @ApiOperation({
    summary: 'Change my password',
    description: 'Needs the current password; ends every other session of the account.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Wrong current password, or a weak new one.' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'API tokens cannot change passwords.' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails })
  changePassword(
    @Body() body: ChangePasswordRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.credentials.changePassword(auth, body, client);
  }

  @Post('me/email')
  @HttpCode(202)
  @SignedIn({ interactive: true })
  @ApiOperation({
    summary: 'Change my e-mail address',
    description:
      'Mails a confirmation link (valid 24 hours) to the new address; nothing changes until it is used.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Wrong password or invalid address.' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Another account uses the address.' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails })
  changeEmail(
    @Body() body: ChangeEmailRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AcceptedResponse> {
    return this.credentials.requestEmailChange(auth, body, client);
  }

  @Post('auth/confirm-email-change')
  @HttpCode(204)
  @Public('Opened from the new mailbox, maybe on another device; the single-use token is the proof.')
  @ApiOperation({
    summary: 'Confirm a new e-mail address',
    description: 'Applies the change and marks it confirmed.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Unknown, used or expired token.' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Another account took the address meanwhile.' })
  confirmEmailChange(@Body() body: TokenRequest, @Client() client: ClientInfo): Promise<void> {
    return this.credentials.confirmEmailChange(body.token, client);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Public, SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { AcceptedResponse, TokenRequest } from './account-security.dto.js';
import { EmailVerificationService } from './email-verification.service.js';

@ApiTags('account')
@Controller()
export class EmailVerificationController {
  constructor(private readonly verification: EmailVerificationService) {}

  @Post('auth/verify-email')
  @HttpCode(204)
  @Public('The link is opened from the mailbox, maybe on another device; the single-use token is the proof.')
  @ApiOperation({
    summary: 'Confirm an e-mail address',
    description: 'Redeems the token from the mailed link.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Unknown, used or expired token.' })
  verify(@Body() body: TokenRequest, @Client() client: ClientInfo): Promise<void> {
    return this.verification.verify(body.token, client);
  }

  @Post('me/verification-email')
  @HttpCode(202)
  @SignedIn()
  @ApiOperation({
    summary: 'Send the confirmation link again',
    description: 'Mails a new link; earlier links stop working.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The address is already confirmed.' })
  @ApiTooManyRequestsResponse({ type: ProblemDetails })
  resend(@CurrentAuth() auth: AuthContext): Promise<AcceptedResponse> {
    return this.verification.resend(auth);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { ClientInfo } from '../auth/auth-context.js';
import { Client } from '../auth/current-auth.decorator.js';
import { Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import {
  AcceptedResponse,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
} from './account-security.dto.js';
import { PasswordResetService } from './password-reset.service.js';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @HttpCode(202)
  @Public(
    'People who forgot their password cannot sign in; the answer never says whether the address exists.',
  )
  @ApiOperation({
    summary: 'Ask for a password reset link',
    description:
      'Always the same answer; if an active account uses the address, a link valid for 1 hour is mailed.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiTooManyRequestsResponse({ type: ProblemDetails, description: 'Too many requests; see Retry-After.' })
  request(@Body() body: PasswordResetRequest, @Client() client: ClientInfo): Promise<AcceptedResponse> {
    return this.resets.request(body.email, client);
  }

  @Post('confirm')
  @HttpCode(204)
  @Public('The single-use token from the mailed link is the proof of who is asking.')
  @ApiOperation({
    summary: 'Choose a new password',
    description: 'Sets the password and ends every session of the account.',
  })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'Unknown, used or expired token, or a weak password.',
  })
  confirm(@Body() body: PasswordResetConfirmRequest, @Client() client: ClientInfo): Promise<void> {
    return this.resets.confirm(body, client);
  }
}

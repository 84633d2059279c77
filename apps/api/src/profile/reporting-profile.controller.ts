import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { PutReportingProfileRequest, ReportingProfileView } from './profile.dto.js';
import { ReportingProfileService } from './reporting-profile.service.js';

@ApiTags('account')
@Controller('me/reporting-profile')
export class ReportingProfileController {
  constructor(private readonly reporting: ReportingProfileService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'My reporting details',
    description: 'Always 200: `consented: false` with every answer null when nothing is stored.',
  })
  @ApiOkResponse({ type: ReportingProfileView })
  get(@CurrentAuth() auth: AuthContext): Promise<ReportingProfileView> {
    return this.reporting.get(auth.userId);
  }

  @Put()
  @SignedIn()
  @ApiOperation({
    summary: 'Give consent and store my reporting details',
    description: 'Needs `consent: true`; replaces every answer (left out = not answered).',
  })
  @ApiOkResponse({ type: ReportingProfileView })
  @ApiBadRequestResponse({ type: ProblemDetails })
  put(
    @Body() body: PutReportingProfileRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ReportingProfileView> {
    return this.reporting.put(auth, body, client);
  }

  @Delete()
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Withdraw consent', description: 'Deletes every reporting answer.' })
  @ApiNoContentResponse()
  withdraw(@CurrentAuth() auth: AuthContext, @Client() client: ClientInfo): Promise<void> {
    return this.reporting.withdraw(auth, client);
  }
}

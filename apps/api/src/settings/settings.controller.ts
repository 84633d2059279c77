import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { PlatformAdmin, Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { PlatformSettingsService } from './platform-settings.service.js';
import { PlatformSettingsView, PublicSettingsView, UpdatePlatformSettingsRequest } from './settings.dto.js';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: PlatformSettingsService) {}

  @Get()
  @PlatformAdmin()
  @ApiOperation({ summary: 'Platform settings', description: 'Every platform-wide setting.' })
  @ApiOkResponse({ type: PlatformSettingsView })
  get(): Promise<PlatformSettingsView> {
    return this.settings.all();
  }

  @Patch()
  @PlatformAdmin()
  @ApiOperation({ summary: 'Change platform settings', description: 'Changes the settings given; audited.' })
  @ApiOkResponse({ type: PlatformSettingsView })
  @ApiBadRequestResponse({ type: ProblemDetails })
  update(
    @Body() body: UpdatePlatformSettingsRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<PlatformSettingsView> {
    return this.settings.update(body, auth, client);
  }

  @Get('public')
  @Public('The sign-in page must know whether to offer sign-up; the value is no secret.')
  @ApiOperation({ summary: 'Public settings', description: 'What the sign-in page needs to know.' })
  @ApiOkResponse({ type: PublicSettingsView })
  async publicSettings(): Promise<PublicSettingsView> {
    const { signUpOpen } = await this.settings.all();
    return { signUpOpen };
  }
}

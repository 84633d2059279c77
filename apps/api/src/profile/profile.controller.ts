import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { ProfileView, UpdateProfileRequest } from './profile.dto.js';
import { ProfileService } from './profile.service.js';

@ApiTags('account')
@Controller('me/profile')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'My profile', description: 'Name, language, country and work details.' })
  @ApiOkResponse({ type: ProfileView })
  get(@CurrentAuth() auth: AuthContext): Promise<ProfileView> {
    return this.profiles.get(auth);
  }

  @Patch()
  @SignedIn()
  @ApiOperation({
    summary: 'Change my profile',
    description: 'Changes the fields given; null or an empty text clears an optional field.',
  })
  @ApiOkResponse({ type: ProfileView })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'A read-only API token.' })
  update(@Body() body: UpdateProfileRequest, @CurrentAuth() auth: AuthContext): Promise<ProfileView> {
    return this.profiles.update(auth, body);
  }
}

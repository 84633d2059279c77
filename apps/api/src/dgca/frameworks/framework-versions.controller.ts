import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { PlatformAdmin, Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  DeleteFrameworkVersionQuery,
  FrameworkRevisionRequest,
  SaveFrameworkVersionRequest,
  FrameworkVersionView,
} from './frameworks.dto.js';
import { FrameworkVersionsService } from './framework-versions.service.js';

const NOT_FOUND = 'No such framework version (`code: framework-version-not-found`).';
const FROZEN_OR_STALE =
  'The version is published and frozen (`code: version-published`), or the draft was saved meanwhile (`code: stale-version`, with the `current` revision).';

@ApiTags('dgca')
@Controller('studio/dgca/framework-versions')
export class FrameworkVersionsController {
  constructor(private readonly versions: FrameworkVersionsService) {}

  @Get(':versionId')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Get a framework version',
    description: 'Its scale, dimensions with statements, and recommended courses and modules.',
  })
  @ApiOkResponse({ type: FrameworkVersionView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_FOUND })
  get(@UuidParam('versionId') versionId: string): Promise<FrameworkVersionView> {
    return this.versions.get(versionId);
  }

  @Put(':versionId')
  @PlatformAdmin()
  @ApiOperation({
    summary: "Replace a draft's content",
    description:
      'Language, scale, and dimensions in order with their statements and recommendations, all at once. Published versions never change.',
  })
  @ApiOkResponse({ type: FrameworkVersionView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_FOUND })
  @ApiConflictResponse({ type: ProblemDetails, description: FROZEN_OR_STALE })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'Content that cannot be saved, each problem naming its field: a scale not of 2–10 ascending unique values, a bad or repeated dimension key, an unknown course or module.',
  })
  save(
    @UuidParam('versionId') versionId: string,
    @Body() body: SaveFrameworkVersionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<FrameworkVersionView> {
    return this.versions.save(versionId, body, auth, client);
  }

  @Post(':versionId/publish')
  @HttpCode(200)
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Publish a draft',
    description: 'It is frozen from now on and becomes the version new assessments are taken on.',
  })
  @ApiOkResponse({ type: FrameworkVersionView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_FOUND })
  @ApiConflictResponse({ type: ProblemDetails, description: FROZEN_OR_STALE })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'No dimension, or a dimension without statements (`code: framework-empty`), or a bad scale.',
  })
  publish(
    @UuidParam('versionId') versionId: string,
    @Body() body: FrameworkRevisionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<FrameworkVersionView> {
    return this.versions.publish(versionId, body.revision, auth, client);
  }

  @Delete(':versionId')
  @HttpCode(204)
  @PlatformAdmin()
  @ApiOperation({ summary: 'Delete a draft', description: 'Published versions are kept for good.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_FOUND })
  @ApiConflictResponse({ type: ProblemDetails, description: FROZEN_OR_STALE })
  async remove(
    @UuidParam('versionId') versionId: string,
    @Query() query: DeleteFrameworkVersionQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.versions.remove(versionId, query.revision, auth, client);
  }
}

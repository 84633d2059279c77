import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
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
  CreateFrameworkRequest,
  FrameworkList,
  FrameworkSummary,
  FrameworkView,
  UpdateFrameworkRequest,
  FrameworkVersionView,
} from './frameworks.dto.js';
import { FrameworksService } from './frameworks.service.js';

const NOT_FOUND = 'No such framework (`code: framework-not-found`).';

@ApiTags('dgca')
@Controller('studio/dgca/frameworks')
export class FrameworksController {
  constructor(private readonly frameworks: FrameworksService) {}

  @Get()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'List DGCA frameworks',
    description:
      'Every framework, the default one first, with its latest published version (the one new assessments use) and its draft.',
  })
  @ApiOkResponse({ type: FrameworkList })
  list(@CurrentAuth() auth: AuthContext): Promise<FrameworkList> {
    return this.frameworks.list(auth);
  }

  @Post()
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Create a DGCA framework',
    description: "Starts draft version 1: empty, or a copy of `copyFromVersionId`'s scale and content.",
  })
  @ApiCreatedResponse({ type: FrameworkSummary })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The name is taken (`code: framework-name-taken`).',
  })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'No such version to copy from.' })
  create(
    @Body() body: CreateFrameworkRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<FrameworkSummary> {
    return this.frameworks.create(body, auth, client);
  }

  @Get(':id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Get a DGCA framework', description: 'With every version, newest first.' })
  @ApiOkResponse({ type: FrameworkView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_FOUND })
  get(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<FrameworkView> {
    return this.frameworks.get(id, auth);
  }

  @Patch(':id')
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Rename or describe a DGCA framework',
    description: 'Fields left out are unchanged. The content is changed through a draft version.',
  })
  @ApiOkResponse({ type: FrameworkView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_FOUND })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The name is taken (`code: framework-name-taken`).',
  })
  update(
    @UuidParam('id') id: string,
    @Body() body: UpdateFrameworkRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<FrameworkView> {
    return this.frameworks.update(id, body, auth, client);
  }

  @Post(':id/draft')
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Start a new draft version',
    description: 'A copy of the latest published version, to edit and publish as the next version.',
  })
  @ApiCreatedResponse({ type: FrameworkVersionView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_FOUND })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The framework already has a draft (`code: draft-exists`, with its `versionId`).',
  })
  startDraft(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<FrameworkVersionView> {
    return this.frameworks.startDraft(id, auth, client);
  }
}

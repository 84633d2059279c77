import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { PlatformAdmin, Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  CreateInstitutionRequest,
  InstitutionListQuery,
  InstitutionPage,
  InstitutionSummary,
  UpdateInstitutionRequest,
} from './institution.dto.js';
import { InstitutionsService } from './institutions.service.js';

@ApiTags('institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @Public('The directory of participating institutions is public information shown on the home page.')
  @ApiOperation({
    summary: 'List institutions',
    description: 'Participating institutions, by country then name.',
  })
  @ApiOkResponse({ type: InstitutionPage })
  @ApiBadRequestResponse({ type: ProblemDetails })
  list(@Query() query: InstitutionListQuery): Promise<InstitutionPage> {
    return this.institutions.list(query);
  }

  @Get(':id')
  @Public('One entry of the public directory of institutions: the same fields as the list.')
  @ApiOperation({ summary: 'Get an institution' })
  @ApiOkResponse({ type: InstitutionSummary })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async get(@UuidParam('id') id: string): Promise<InstitutionSummary> {
    return InstitutionSummary.from(await this.institutions.get(id));
  }

  @Post()
  @PlatformAdmin()
  @ApiOperation({ summary: 'Add an institution', description: 'Platform admins only; audited.' })
  @ApiCreatedResponse({ type: InstitutionSummary })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The slug is taken.' })
  create(
    @Body() body: CreateInstitutionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<InstitutionSummary> {
    return this.institutions.create(body, auth, client);
  }

  @Patch(':id')
  @PlatformAdmin()
  @ApiOperation({
    summary: 'Change an institution',
    description: 'Only the fields sent change. Platform admins only; audited.',
  })
  @ApiOkResponse({ type: InstitutionSummary })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The slug is taken.' })
  update(
    @UuidParam('id') id: string,
    @Body() body: UpdateInstitutionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<InstitutionSummary> {
    return this.institutions.update(id, body, auth, client);
  }
}

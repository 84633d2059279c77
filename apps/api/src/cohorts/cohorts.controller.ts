import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Roles } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  CohortListQuery,
  CohortPage,
  CohortView,
  CreateCohortRequest,
  UpdateCohortRequest,
} from './cohorts.dto.js';
import { CohortsService } from './cohorts.service.js';

const HIDDEN =
  'No such cohort, or one of an institution you do not administer or a cohort you do not facilitate.';
const CLOSED_OR_STALE =
  'The cohort is closed (`code: cohort-closed`), or someone saved it meanwhile (`code: stale-version`, with `current`), or the name is taken.';

@ApiTags('cohorts')
@Controller('studio/cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get()
  @Roles(InstitutionRole.InstitutionAdmin, InstitutionRole.Trainer)
  @ApiOperation({
    summary: 'List cohorts',
    description:
      "Platform admins see every cohort, institution admins their institutions' cohorts, trainers the cohorts they facilitate. Open cohorts first.",
  })
  @ApiOkResponse({ type: CohortPage })
  list(@Query() query: CohortListQuery, @CurrentAuth() auth: AuthContext): Promise<CohortPage> {
    return this.cohorts.list(query, auth);
  }

  @Post()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Create a cohort',
    description:
      "In an institution you administer. Courses: the institution's published courses, or other institutions' published open or by-invitation courses. Facilitators: the institution's trainers or administrators.",
  })
  @ApiCreatedResponse({ type: CohortView })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The institution already has a cohort with this name.',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'A course or facilitator that the cohort cannot take (named), or dates out of order.',
  })
  create(
    @Body() body: CreateCohortRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CohortView> {
    return this.cohorts.create(body, auth, client);
  }

  @Get(':id')
  @Roles(InstitutionRole.InstitutionAdmin, InstitutionRole.Trainer)
  @ApiOperation({
    summary: 'Get a cohort',
    description: 'With its courses and their modules, facilitators and deadlines.',
  })
  @ApiOkResponse({ type: CohortView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  get(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<CohortView> {
    return this.cohorts.get(id, auth);
  }

  @Patch(':id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Change a cohort',
    description:
      'Fields left out are unchanged; null clears a date. Adding a course enrols the current members in it; removing one keeps their enrolments. `deadlines` replaces every deadline.',
  })
  @ApiOkResponse({ type: CohortView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({ type: ProblemDetails, description: CLOSED_OR_STALE })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'A course, facilitator or deadline the cohort cannot take.',
  })
  update(
    @UuidParam('id') id: string,
    @Body() body: UpdateCohortRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CohortView> {
    return this.cohorts.update(id, body, auth, client);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Close a cohort',
    description: 'It becomes read-only: its members, their enrolments and progress stay. Cannot be undone.',
  })
  @ApiOkResponse({ type: CohortView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The cohort is already closed (`code: cohort-closed`).',
  })
  close(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CohortView> {
    return this.cohorts.close(id, auth, client);
  }
}

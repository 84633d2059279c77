import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  AssessmentListQuery,
  AssessmentPage,
  AssessmentView,
  ChangeStatusRequest,
  CreateAssessmentRequest,
  RevisionQuery,
  UpdateAssessmentRequest,
} from './assessments.dto.js';
import { AssessmentsService } from './assessments.service.js';

export const HIDDEN =
  'No such assessment, or one run by an institution you do not administer (`code: assessment-not-found`).';

@ApiTags('dgca')
@Controller('studio/dgca/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'List capability assessments',
    description:
      'Platform admins see every one, institution admins those their institutions run. Completed ones last.',
  })
  @ApiOkResponse({ type: AssessmentPage })
  list(@Query() query: AssessmentListQuery, @CurrentAuth() auth: AuthContext): Promise<AssessmentPage> {
    return this.assessments.list(query, auth);
  }

  @Post()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Create a capability assessment',
    description: 'A draft, run by an institution you administer, on a published framework version.',
  })
  @ApiCreatedResponse({ type: AssessmentView })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'The version is not published (`code: version-not-published`), the previous assessment cannot be compared with (`invalid-previous`), or dates are out of order (`dates-out-of-order`).',
  })
  create(
    @Body() body: CreateAssessmentRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AssessmentView> {
    return this.assessments.create(body, auth, client);
  }

  @Get(':id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Get a capability assessment' })
  @ApiOkResponse({ type: AssessmentView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  get(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<AssessmentView> {
    return this.assessments.get(id, auth);
  }

  @Patch(':id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Change a capability assessment',
    description:
      'Fields left out are unchanged; null clears a date or the previous assessment. Once completed, only regionalOptIn.',
  })
  @ApiOkResponse({ type: AssessmentView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description:
      'Someone saved it meanwhile (`code: stale-version`, with `current`), or it is completed (`assessment-completed`).',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'Dates out of order, or a previous assessment that cannot be compared with.',
  })
  update(
    @UuidParam('id') id: string,
    @Body() body: UpdateAssessmentRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AssessmentView> {
    return this.assessments.update(id, body, auth, client);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Move a capability assessment to another status',
    description:
      'draft → individual (mails every participant a link to rate) → consensus → completed; consensus → individual reopens the round.',
  })
  @ApiOkResponse({ type: AssessmentView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description:
      'A move the status machine does not allow (`code: invalid-transition` or `assessment-completed`), or a stale revision.',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'No participant yet (`code: no-participants`).',
  })
  changeStatus(
    @UuidParam('id') id: string,
    @Body() body: ChangeStatusRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AssessmentView> {
    return this.assessments.changeStatus(id, body, auth, client);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Delete a draft assessment' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'It is no longer a draft (`code: not-draft`), or a stale revision.',
  })
  async remove(
    @UuidParam('id') id: string,
    @Query() query: RevisionQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.assessments.remove(id, query.revision, auth, client);
  }
}

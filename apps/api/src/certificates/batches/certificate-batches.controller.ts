import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import { BatchList, BatchReport, BatchResponse, CreateBatchBody } from './certificate-batches.dto.js';
import { CertificateBatchesService } from './certificate-batches.service.js';

/** Issuing to every eligible learner of a course at once, for its institution's administrators. */
@ApiTags('certificates')
@Controller()
export class CertificateBatchesController {
  constructor(private readonly batches: CertificateBatchesService) {}

  @Post('studio/courses/:courseId/certificate-batches')
  @Roles(InstitutionRole.InstitutionAdmin)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Issue certificates to every eligible learner of a course, in the background',
    description:
      'For the course institution’s administrators. Goes through every enrolled learner; each gets a ' +
      'certificate if they completed the course and have none (held for approval if the course asks), and ' +
      'the report says why the others did not. With `cohortId`, only the members of that cohort (which must ' +
      "include the course); the learners' certificates name it as their cohort. Poll " +
      'GET /api/studio/certificate-batches/:id. Audited.',
  })
  @ApiAcceptedResponse({ type: BatchResponse })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'No reason, or a reason over 500 characters.' })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: 'No such course that you administer, or no such cohort that you may see.',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'The cohort does not include the course (`code`: `cohort-without-course`).',
  })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The course has a batch that is not finished (`batchId` names it).',
  })
  create(
    @UuidParam('courseId') courseId: string,
    @Body() body: CreateBatchBody,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<BatchResponse> {
    return this.batches.create(courseId, body, auth, client);
  }

  @Get('studio/courses/:courseId/certificate-batches')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: "A course's certificate batches, newest first" })
  @ApiOkResponse({ type: BatchList })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such course that you administer.' })
  async list(@UuidParam('courseId') courseId: string, @CurrentAuth() auth: AuthContext): Promise<BatchList> {
    return { items: await this.batches.list(courseId, auth) };
  }

  @Get('studio/certificate-batches/:id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'A certificate batch: its progress and the outcome for each learner gone through',
  })
  @ApiOkResponse({ type: BatchReport })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: 'No such batch of a course that you administer.',
  })
  report(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<BatchReport> {
    return this.batches.report(id, auth);
  }
}

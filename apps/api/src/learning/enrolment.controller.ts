import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { EnrolmentService } from './enrolment.service.js';
import { AccessRequestBody, EnrolmentState } from './learning.dto.js';

@ApiTags('learning')
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No published course has this slug.' })
@Controller('courses/:slug')
export class EnrolmentController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Get('enrolment')
  @SignedIn()
  @ApiOperation({
    summary: 'Where I stand with a course',
    description:
      'Enrolled (and on which version), access requested or declined, or none yet; with how learners join it.',
  })
  @ApiOkResponse({ type: EnrolmentState })
  state(@Param('slug') slug: string, @CurrentAuth() auth: AuthContext): Promise<EnrolmentState> {
    return this.enrolments.state(slug, auth);
  }

  @Post('enrolment')
  @SignedIn()
  @ApiOperation({
    summary: 'Enrol in an open course',
    description:
      'On its latest published version. Idempotent: 201 when enrolled now, 200 when already enrolled. Courses by invitation or cohort answer 403 `enrolment-closed` with `enrolmentMode`.',
  })
  @ApiCreatedResponse({ type: EnrolmentState })
  @ApiOkResponse({ type: EnrolmentState, description: 'Already enrolled; nothing changed.' })
  @ApiForbiddenResponse({
    type: ProblemDetails,
    description: 'enrolment-closed: by invitation or cohort only.',
  })
  async enrol(
    @Param('slug') slug: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnrolmentState> {
    const { created, state } = await this.enrolments.enrol(slug, auth, client);
    reply.status(created ? 201 : 200);
    return state;
  }

  @Post('access-requests')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary: 'Ask for access to a course by invitation',
    description:
      'Its trainers approve or decline. Idempotent while a request is pending or the learner is enrolled.',
  })
  @ApiOkResponse({ type: EnrolmentState })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The course is open: enrol directly.' })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'enrolment-closed: cohort only.' })
  requestAccess(
    @Param('slug') slug: string,
    @Body() body: AccessRequestBody,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<EnrolmentState> {
    return this.enrolments.requestAccess(slug, body, auth, client);
  }
}

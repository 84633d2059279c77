import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Roles } from '../common/access/access-rule.js';
import { PageQuery } from '../common/pagination/page.dto.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from '../courses/course-scope.js';
import {
  AccessRequestPage,
  AccessRequestQuery,
  AccessRequestView,
  CourseLearnerPage,
  MoveLearnersRequest,
  MoveLearnersResult,
} from './course-learners.dto.js';
import { CourseLearnersService } from './course-learners.service.js';

/** A course's learners, for the trainers and institution admins who author it. */
@ApiTags('studio')
@ApiNotFoundResponse({ type: ProblemDetails })
@ApiBadRequestResponse({ type: ProblemDetails })
@Controller('studio/courses/:id')
export class CourseLearnersController {
  constructor(private readonly learners: CourseLearnersService) {}

  @Get('learners')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "List a course's learners",
    description: 'With their version and progress, by name.',
  })
  @ApiOkResponse({ type: CourseLearnerPage })
  list(
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CourseLearnerPage> {
    return this.learners.list(id, query, auth);
  }

  @Post('learners/move')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Move learners to a version',
    description:
      'Progress carries over for activities the version still has; completion is never taken away. Audited.',
  })
  @ApiOkResponse({ type: MoveLearnersResult })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'No such version.' })
  move(
    @UuidParam('id') id: string,
    @Body() body: MoveLearnersRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<MoveLearnersResult> {
    return this.learners.move(id, body, auth, client);
  }

  @Get('access-requests')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'List access requests',
    description: 'Pending ones unless `status` says otherwise, oldest first.',
  })
  @ApiOkResponse({ type: AccessRequestPage })
  accessRequests(
    @UuidParam('id') id: string,
    @Query() query: AccessRequestQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<AccessRequestPage> {
    return this.learners.accessRequests(id, query, auth);
  }

  @Post('access-requests/:requestId/approve')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Approve an access request',
    description: 'Enrols the learner on the latest version. Audited.',
  })
  @ApiOkResponse({ type: AccessRequestView })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'Already decided, or the course is not published.',
  })
  approve(
    @UuidParam('id') id: string,
    @UuidParam('requestId') requestId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AccessRequestView> {
    return this.learners.decide(id, requestId, 'approved', auth, client);
  }

  @Post('access-requests/:requestId/decline')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Decline an access request',
    description: 'The learner may ask again later. Audited.',
  })
  @ApiOkResponse({ type: AccessRequestView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Already decided.' })
  decline(
    @UuidParam('id') id: string,
    @UuidParam('requestId') requestId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AccessRequestView> {
    return this.learners.decide(id, requestId, 'declined', auth, client);
  }
}

import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
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
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from './course-scope.js';
import { CourseDetail } from './courses.dto.js';
import { CourseVersionList, NotPublishableProblem, PublishCourseRequest } from './publishing.dto.js';
import { PublishingService } from './publishing.service.js';

@ApiTags('studio')
@ApiNotFoundResponse({ type: ProblemDetails })
@Controller('studio/courses/:id')
export class PublishingController {
  constructor(private readonly publishing: PublishingService) {}

  @Post('publish')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Publish a course',
    description:
      'Freezes the course as it is into the next numbered version and marks it published. Every module needs an activity and every activity valid content. Audited.',
  })
  @ApiOkResponse({ type: CourseDetail })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The revision is stale: `current` holds the course.',
  })
  @ApiUnprocessableEntityResponse({
    type: NotPublishableProblem,
    description: 'not-publishable: `problems` lists every problem with its path; nothing was written.',
  })
  publish(
    @UuidParam('id') id: string,
    @Body() body: PublishCourseRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.publishing.publish(id, body, auth, client);
  }

  @Post('unpublish')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Unpublish a course',
    description: 'Back to draft, off the catalogue; its versions and learners’ records are kept. Audited.',
  })
  @ApiOkResponse({ type: CourseDetail })
  unpublish(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.publishing.unpublish(id, auth, client);
  }

  @Get('versions')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "List a course's published versions",
    description: 'Newest first, with change logs.',
  })
  @ApiOkResponse({ type: CourseVersionList })
  versions(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<CourseVersionList> {
    return this.publishing.versions(id, auth);
  }
}

import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import {
  CourseDetail,
  CourseListQuery,
  CoursePage,
  CreateCourseRequest,
  DuplicateCourseRequest,
  UpdateCourseRequest,
} from './courses.dto.js';
import { CoursesService } from './courses.service.js';

const STALE = {
  type: ProblemDetails,
  description: 'The revision is stale: `current` holds the course as it is.',
};

@ApiTags('studio')
@Controller('studio/courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Get()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'List the courses you author',
    description:
      'Courses of the institutions where you are a trainer or institution admin, latest change first.',
  })
  @ApiOkResponse({ type: CoursePage })
  @ApiBadRequestResponse({ type: ProblemDetails })
  list(@Query() query: CourseListQuery, @CurrentAuth() auth: AuthContext): Promise<CoursePage> {
    return this.courses.list(query, auth);
  }

  @Post()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Create a course',
    description: 'A draft course in an institution where you author; audited.',
  })
  @ApiCreatedResponse({ type: CourseDetail })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The slug is taken.' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'The institution does not exist.' })
  create(
    @Body() body: CreateCourseRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.create(body, auth, client);
  }

  @Get(':id')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Get a course to edit', description: 'Metadata, revision and the whole outline.' })
  @ApiOkResponse({ type: CourseDetail })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<CourseDetail> {
    return this.courses.get(id, auth);
  }

  @Patch(':id')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Change a course's metadata",
    description:
      'Only the fields sent change. Send the revision you read; a stale one changes nothing. Audited.',
  })
  @ApiOkResponse({ type: CourseDetail })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse(STALE)
  update(
    @UuidParam('id') id: string,
    @Body() body: UpdateCourseRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.update(id, body, auth, client);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Archive a course', description: "Learners' records are kept. Audited." })
  @ApiOkResponse({ type: CourseDetail })
  @ApiNotFoundResponse({ type: ProblemDetails })
  archive(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.archive(id, auth, client);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Restore an archived course',
    description:
      'Back to draft, to edit and publish again; a course that is not archived is left as it is. Audited.',
  })
  @ApiOkResponse({ type: CourseDetail })
  @ApiNotFoundResponse({ type: ProblemDetails })
  restore(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.restore(id, auth, client);
  }

  @Post(':id/duplicate')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Duplicate a course',
    description:
      "A new draft course in the same institution with the original's metadata, modules, activities and their content. Published versions and learners' records are not copied. Audited.",
  })
  @ApiCreatedResponse({ type: CourseDetail })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The slug sent is taken.' })
  duplicate(
    @UuidParam('id') id: string,
    @Body() body: DuplicateCourseRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CourseDetail> {
    return this.courses.duplicate(id, body, auth, client);
  }
}

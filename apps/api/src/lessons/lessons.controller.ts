import { Body, Controller, Get, Put } from '@nestjs/common';
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
import { AUTHOR_ROLES } from '../courses/course-scope.js';
import { LessonContentView, SaveLessonRequest } from './lessons.dto.js';
import { LessonsService } from './lessons.service.js';

@ApiTags('studio')
@Controller('studio/lessons/:activityId')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Get()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: "Get a lesson's document to edit", description: 'With its revision, for saving.' })
  @ApiOkResponse({ type: LessonContentView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(
    @UuidParam('activityId') activityId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<LessonContentView> {
    return this.lessons.get(activityId, auth);
  }

  @Put()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Save a lesson's document",
    description:
      'Autosave calls this. The document is checked against the allowed schema; audited (without it).',
  })
  @ApiOkResponse({ type: LessonContentView })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'Stale revision: `current` holds the newer document.',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'The document breaks the schema; `errors` name the paths.',
  })
  save(
    @UuidParam('activityId') activityId: string,
    @Body() body: SaveLessonRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<LessonContentView> {
    return this.lessons.save(activityId, body, auth, client);
  }
}

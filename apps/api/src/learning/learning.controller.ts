import { Body, Controller, Get, Header, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  ActivityQuery,
  ActivityView,
  LearningCourse,
  MyLearningList,
  RecordProgressRequest,
  RecordProgressResponse,
  ReflectionView,
  SaveReflectionRequest,
} from './learning.dto.js';
import { LearningService } from './learning.service.js';
import { JSON_UTF8, type JsonText } from './outline-json.js';

/** The signed-in learner's own courses; every route reads or writes only the caller's enrolments. */
@ApiTags('learning')
@ApiBadRequestResponse({ type: ProblemDetails })
@Controller('me/learning')
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'My learning',
    description: 'My courses with progress and where "continue" goes, most recently visited first.',
  })
  @ApiOkResponse({ type: MyLearningList })
  mine(@CurrentAuth() auth: AuthContext): Promise<MyLearningList> {
    return this.learning.myLearning(auth);
  }

  @Get(':slug')
  @SignedIn()
  @ApiOperation({
    summary: 'One of my courses, with progress',
    description:
      'The outline of my version with the status of every activity and the progress of every module.',
  })
  @ApiOkResponse({ type: LearningCourse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'Not enrolled in a course with this slug.' })
  @Header('content-type', JSON_UTF8)
  course(@Param('slug') slug: string, @CurrentAuth() auth: AuthContext): Promise<JsonText<LearningCourse>> {
    return this.learning.course(slug, auth);
  }

  @Get(':slug/activities/:activityId')
  @SignedIn()
  @ApiOperation({
    summary: 'An activity to read',
    description:
      'Its content from my version, my progress and reflection answers in it, and the previous and next activity.',
  })
  @ApiOkResponse({ type: ActivityView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  activity(
    @Param('slug') slug: string,
    @UuidParam('activityId') activityId: string,
    @Query() query: ActivityQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ActivityView> {
    return this.learning.activity(slug, activityId, query.lang, auth);
  }

  @Put(':slug/activities/:activityId/progress')
  @SignedIn()
  @ApiOperation({
    summary: 'Record my progress in an activity',
    description:
      'Idempotent, safe to retry: a position older than the stored one is ignored and completion is never undone. Completing the last required activity completes the course.',
  })
  @ApiOkResponse({ type: RecordProgressResponse })
  @ApiNotFoundResponse({ type: ProblemDetails })
  recordProgress(
    @Param('slug') slug: string,
    @UuidParam('activityId') activityId: string,
    @Body() body: RecordProgressRequest,
    @CurrentAuth() auth: AuthContext,
  ): Promise<RecordProgressResponse> {
    return this.learning.recordProgress(slug, activityId, body, auth);
  }

  @Put(':slug/activities/:activityId/reflections/:reflectionId')
  @SignedIn()
  @ApiOperation({
    summary: 'Save my answer to a reflection',
    description: 'Private to the learner. Idempotent; the newest answer by `at` wins.',
  })
  @ApiOkResponse({ type: ReflectionView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  saveReflection(
    @Param('slug') slug: string,
    @UuidParam('activityId') activityId: string,
    @UuidParam('reflectionId') reflectionId: string,
    @Body() body: SaveReflectionRequest,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ReflectionView> {
    return this.learning.saveReflection(slug, activityId, reflectionId, body, auth);
  }
}

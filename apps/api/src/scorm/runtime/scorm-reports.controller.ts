import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { PageQuery } from '../../common/pagination/page.dto.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from '../../courses/course-scope.js';
import { ScormLearnerDetail, ScormLearnerPage, ScormResetResult } from './scorm-reports.dto.js';
import { ScormReports } from './scorm-reports.service.js';

/** A scorm activity's learners, for the course's authors (the rule of the quiz results routes). */
@ApiTags('studio')
@ApiBadRequestResponse({ type: ProblemDetails })
@ApiNotFoundResponse({
  type: ProblemDetails,
  description: 'No such scorm activity (or learner) that you may see.',
})
@Controller('studio/scorm/:activityId/learners')
export class ScormReportsController {
  constructor(private readonly reports: ScormReports) {}

  @Get()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "A SCORM activity's learners",
    description: 'By name: rolled-up completion, success and score, attempts, time spent, last launch.',
  })
  @ApiOkResponse({ type: ScormLearnerPage })
  learners(
    @UuidParam('activityId') activityId: string,
    @Query() query: PageQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ScormLearnerPage> {
    return this.reports.learners(activityId, query, auth);
  }

  @Get(':enrolmentId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "A learner's SCORM attempts",
    description: 'Every attempt of every SCO with its stored runtime data (suspend data only by length).',
  })
  @ApiOkResponse({ type: ScormLearnerDetail })
  learner(
    @UuidParam('activityId') activityId: string,
    @UuidParam('enrolmentId') enrolmentId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ScormLearnerDetail> {
    return this.reports.learner(activityId, enrolmentId, auth);
  }

  @Post(':enrolmentId/reset')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Reset a learner's SCORM attempts",
    description:
      'Ends their open and suspended attempts, so the next launch starts afresh. Completion already earned stays. Audited (scorm.attempts_reset).',
  })
  @ApiOkResponse({ type: ScormResetResult })
  reset(
    @UuidParam('activityId') activityId: string,
    @UuidParam('enrolmentId') enrolmentId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ScormResetResult> {
    return this.reports.reset(activityId, enrolmentId, auth, client);
  }
}

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
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from '../../courses/course-scope.js';
import { QuizDraftView, SaveQuizRequest } from './quiz-drafts.dto.js';
import { QuizDraftsService } from './quiz-drafts.service.js';

@ApiTags('studio')
@Controller('studio/quizzes/:activityId')
export class QuizDraftsController {
  constructor(private readonly drafts: QuizDraftsService) {}

  @Get()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Get a quiz's settings and slots to edit",
    description:
      "With each fixed question's summary, each draw's available questions, and the revision for saving.",
  })
  @ApiOkResponse({ type: QuizDraftView })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(@UuidParam('activityId') activityId: string, @CurrentAuth() auth: AuthContext): Promise<QuizDraftView> {
    return this.drafts.get(activityId, auth);
  }

  @Put()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Save a quiz's settings and slots",
    description:
      "Fixed questions must be in the course's bank and not archived; a random draw's category must hold questions. Audited.",
  })
  @ApiOkResponse({ type: QuizDraftView })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'Stale revision: `current` holds the quiz as it is.',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: '`errors` name each bad path, e.g. `slots[2].questionId`.',
  })
  save(
    @UuidParam('activityId') activityId: string,
    @Body() body: SaveQuizRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<QuizDraftView> {
    return this.drafts.save(activityId, body, auth, client);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from '../../courses/course-scope.js';
import {
  AttemptReview,
  GradeSlotRequest,
  QuizAnalysis,
  QuizAttemptList,
  RegradeRequest,
  RegradeResult,
} from './quiz-results.dto.js';
import { QuizGradingService } from '../attempts/quiz-grading.service.js';
import { QuizResultsService } from './quiz-results.service.js';

const SLOT = new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('studio')
@Controller('studio')
export class QuizResultsController {
  constructor(
    private readonly results: QuizResultsService,
    private readonly grading: QuizGradingService,
  ) {}

  @Get('quizzes/:activityId/attempts')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "A quiz's attempts, per learner",
    description: 'Open and submitted, with scores.',
  })
  @ApiOkResponse({ type: QuizAttemptList })
  @ApiNotFoundResponse({ type: ProblemDetails })
  attempts(
    @UuidParam('activityId') activityId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<QuizAttemptList> {
    return this.results.attempts(activityId, auth);
  }

  @Get('quizzes/:activityId/analysis')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Item analysis of a quiz',
    description:
      'Per question: facility and discrimination indexes, mean points, how often each option was chosen. Counts submitted attempts with nothing left to grade.',
  })
  @ApiOkResponse({ type: QuizAnalysis })
  @ApiNotFoundResponse({ type: ProblemDetails })
  analysis(
    @UuidParam('activityId') activityId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<QuizAnalysis> {
    return this.results.analysis(activityId, auth);
  }

  @Get('quizzes/:activityId/results.csv')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "A quiz's results as CSV",
    description: 'One row per attempt, headed in `language`.',
  })
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'language', required: false, enum: ['en', 'es', 'fr'] })
  @ApiOkResponse({ description: 'CSV, UTF-8 with a byte order mark.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async csv(
    @UuidParam('activityId') activityId: string,
    @Query('language') language: string | undefined,
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { filename, body } = await this.results.csv(activityId, language ?? auth.preferredLanguage, auth);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Post('quizzes/:activityId/regrade')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Regrade a question in every attempt',
    description:
      "After fixing a question: every submitted attempt that was given it moves to the question's current version and is graded again (hand-given marks are kept). Audited.",
  })
  @ApiOkResponse({ type: RegradeResult })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails })
  regrade(
    @UuidParam('activityId') activityId: string,
    @Body() body: RegradeRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<RegradeResult> {
    return this.grading.regrade(activityId, body.questionId, auth, client);
  }

  @Get('quiz-attempts/:attemptId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'One attempt in full',
    description: 'Responses, answer keys, marks and comments.',
  })
  @ApiOkResponse({ type: AttemptReview })
  @ApiNotFoundResponse({ type: ProblemDetails })
  review(
    @UuidParam('attemptId') attemptId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<AttemptReview> {
    return this.results.review(attemptId, auth);
  }

  @Put('quiz-attempts/:attemptId/slots/:slot/grade')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Mark an answer by hand',
    description:
      "Essays and any answer a trainer corrects: points up to the slot's maximum and a comment. The attempt's score is recomputed, and the learner is told by e-mail. Audited.",
  })
  @ApiOkResponse({ type: AttemptReview })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails })
  async grade(
    @UuidParam('attemptId') attemptId: string,
    @Param('slot', SLOT) slot: number,
    @Body() body: GradeSlotRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<AttemptReview> {
    await this.grading.gradeSlot(attemptId, slot, body, auth, client);
    return this.results.review(attemptId, auth);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { SignedIn } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  AttemptSummary,
  AttemptView,
  QuizOverview,
  SaveAnswerRequest,
  SaveAnswerResult,
  SlotFeedback,
} from './quiz-attempts.dto.js';
import { QuizAttemptsService } from './quiz-attempts.service.js';
import { SlotParam } from './slot-param.js';

/** A learner's quizzes in a course they are enrolled in. */
@ApiTags('learning')
@ApiBadRequestResponse({ type: ProblemDetails })
@Controller('me/learning/:slug/quizzes/:activityId')
export class LearnerQuizzesController {
  constructor(private readonly attempts: QuizAttemptsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'A quiz: its settings, my attempts and whether I may start one',
    description: 'An open attempt whose time is up is submitted first.',
  })
  @ApiOkResponse({ type: QuizOverview })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'Not enrolled, or no such quiz in my version.' })
  overview(
    @Param('slug') slug: string,
    @UuidParam('activityId') activityId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<QuizOverview> {
    return this.attempts.overview(slug, activityId, auth);
  }

  @Post('attempts')
  @SignedIn()
  @ApiOperation({
    summary: 'Start an attempt',
    description:
      'Draws the questions and starts the clock: 201. With an attempt open already, answers it: 200. Two starts at once make one attempt.',
  })
  @ApiCreatedResponse({ type: AttemptView })
  @ApiOkResponse({ type: AttemptView, description: 'The attempt already open.' })
  @ApiForbiddenResponse({
    type: ProblemDetails,
    description: 'Outside the availability window (`availability`, `availableFrom`, `availableUntil`).',
  })
  @ApiConflictResponse({ type: ProblemDetails, description: 'No attempts left.' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async start(
    @Param('slug') slug: string,
    @UuidParam('activityId') activityId: string,
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptView> {
    const { created, attempt } = await this.attempts.start(slug, activityId, auth);
    reply.status(created ? 201 : 200);
    return attempt;
  }
}

/** A learner's own attempts; anyone else's is a 404. */
@ApiTags('learning')
@ApiBadRequestResponse({ type: ProblemDetails })
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such attempt of mine.' })
@Controller('me/quiz-attempts/:attemptId')
export class LearnerAttemptsController {
  constructor(private readonly attempts: QuizAttemptsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'An attempt: its questions, my answers, and feedback as the quiz allows',
    description: 'Past its deadline and grace, an open attempt is submitted first.',
  })
  @ApiOkResponse({ type: AttemptView })
  get(@UuidParam('attemptId') attemptId: string, @CurrentAuth() auth: AuthContext): Promise<AttemptView> {
    return this.attempts.view(attemptId, auth);
  }

  @Put('slots/:slot')
  @SignedIn()
  @ApiOperation({
    summary: 'Save my answer to one question',
    description:
      'Autosave calls this. Idempotent; an older answer (by `at`) does not overwrite a newer one. Refused once the attempt is submitted, the slot checked, or the deadline and grace passed (the attempt is then submitted).',
  })
  @ApiOkResponse({ type: SaveAnswerResult })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Submitted, time up, or the slot is checked.' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: "The response does not fit the question's type; `errors` name the path.",
  })
  save(
    @UuidParam('attemptId') attemptId: string,
    @SlotParam() slot: number,
    @Body() body: SaveAnswerRequest,
    @CurrentAuth() auth: AuthContext,
  ): Promise<SaveAnswerResult> {
    return this.attempts.save(attemptId, slot, body, auth);
  }

  @Post('slots/:slot/check')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary: 'Check my answer (immediate feedback only)',
    description: 'Locks the answer and tells how it did. Idempotent.',
  })
  @ApiOkResponse({ type: SlotFeedback })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The quiz does not give immediate feedback, or the attempt is not open.',
  })
  check(
    @UuidParam('attemptId') attemptId: string,
    @SlotParam() slot: number,
    @CurrentAuth() auth: AuthContext,
  ): Promise<SlotFeedback> {
    return this.attempts.check(attemptId, slot, auth);
  }

  @Post('submit')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary: 'Submit the attempt',
    description:
      'Grades it and, when it meets the quiz’s completion rule, completes the activity (and the course when it was the last required activity). Idempotent: a submitted attempt answers as it is. Answers the attempt’s summary and result; its questions with feedback are `GET /api/me/quiz-attempts/{attemptId}`.',
  })
  @ApiOkResponse({ type: AttemptSummary })
  submit(
    @UuidParam('attemptId') attemptId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<AttemptSummary> {
    return this.attempts.submit(attemptId, auth);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
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
  CreateQuestionRequest,
  GiftExportQuery,
  GiftImportRequest,
  GiftImportResult,
  QuestionCategory,
  QuestionDetail,
  QuestionListQuery,
  QuestionPage,
  UpdateQuestionRequest,
} from './question-bank.dto.js';
import { QuestionBankService } from './question-bank.service.js';
import { QuestionGiftService } from './question-gift.service.js';

const INVALID_QUESTION = {
  type: ProblemDetails,
  description: 'The question breaks a rule; `errors` name each path, such as `question.options[1].text`.',
};

/** A course's question bank, for the authors of the course. */
@ApiTags('studio')
@Controller('studio')
export class QuestionBankController {
  constructor(
    private readonly bank: QuestionBankService,
    private readonly gift: QuestionGiftService,
  ) {}

  @Get('courses/:id/questions')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "List a course's questions",
    description: 'Archived questions are left out. Ordered by category, then name.',
  })
  @ApiOkResponse({ type: QuestionPage })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  list(
    @UuidParam('id') courseId: string,
    @Query() query: QuestionListQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<QuestionPage> {
    return this.bank.list(courseId, query, auth);
  }

  @Get('courses/:id/question-categories')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "A course's question categories",
    description: 'With how many questions each holds.',
  })
  @ApiOkResponse({ type: [QuestionCategory] })
  @ApiNotFoundResponse({ type: ProblemDetails })
  categories(
    @UuidParam('id') courseId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<QuestionCategory[]> {
    return this.bank.categories(courseId, auth);
  }

  @Post('courses/:id/questions')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Add a question to the bank',
    description: 'Version 1 of a new question; audited.',
  })
  @ApiCreatedResponse({ type: QuestionDetail })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The course is archived.' })
  @ApiUnprocessableEntityResponse(INVALID_QUESTION)
  create(
    @UuidParam('id') courseId: string,
    @Body() body: CreateQuestionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<QuestionDetail> {
    return this.bank.create(courseId, body, auth, client);
  }

  @Post('courses/:id/questions/import')
  @HttpCode(200)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Import a GIFT file into the bank',
    description:
      'All readable questions in one transaction. With problems and without `acceptProblems`, nothing is ' +
      'imported (422 listing them in `problems`); `dryRun` only previews. Audited.',
  })
  @ApiOkResponse({ type: GiftImportResult })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The course is archived.' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'Not GIFT, nothing readable, or problems without `acceptProblems`: `problems` lists {line, message}.',
  })
  import(
    @UuidParam('id') courseId: string,
    @Body() body: GiftImportRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<GiftImportResult> {
    return this.gift.import(courseId, body, auth, client);
  }

  @Get('courses/:id/questions/export')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Export the bank as GIFT',
    description: 'Current versions of the questions that are not archived; ordering questions are left out.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'A GIFT file, as an attachment.' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async export(
    @UuidParam('id') courseId: string,
    @Query() query: GiftExportQuery,
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { filename, gift } = await this.gift.export(courseId, query.category, auth);
    reply.header('content-type', 'text/plain; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return gift;
  }

  @Get('questions/:questionId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Get a question to edit',
    description: 'Its current version in full, and its versions.',
  })
  @ApiOkResponse({ type: QuestionDetail })
  @ApiNotFoundResponse({ type: ProblemDetails })
  get(
    @UuidParam('questionId') questionId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<QuestionDetail> {
    return this.bank.get(questionId, auth);
  }

  @Put('questions/:questionId')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Edit a question',
    description:
      'Writes the next version; earlier versions stay as they were for the attempts that used them.',
  })
  @ApiOkResponse({ type: QuestionDetail })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({
    type: ProblemDetails,
    description:
      'Stale `version` (`current` holds the question as it is now), an archived question or course.',
  })
  @ApiUnprocessableEntityResponse(INVALID_QUESTION)
  update(
    @UuidParam('questionId') questionId: string,
    @Body() body: UpdateQuestionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<QuestionDetail> {
    return this.bank.update(questionId, body, auth, client);
  }

  @Delete('questions/:questionId')
  @HttpCode(204)
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Archive a question',
    description: 'Hidden from the bank; its versions stay for the attempts that used them. Audited.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The course is archived.' })
  archive(
    @UuidParam('questionId') questionId: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.bank.archive(questionId, auth, client);
  }
}

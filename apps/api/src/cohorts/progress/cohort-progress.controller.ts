import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CohortProgressPage,
  ProgressCsvQuery,
  ProgressQuery,
  ReminderPreview,
  ReminderRequest,
  ReminderResult,
} from './cohort-progress.dto.js';
import { CohortProgressService } from './cohort-progress.service.js';
import { CohortRemindersService } from './cohort-reminders.service.js';

const STAFF = [InstitutionRole.InstitutionAdmin, InstitutionRole.Trainer];

/** A cohort's progress dashboard and reminders: its institution's administrators and its facilitators. */
@ApiTags('cohorts')
@ApiBadRequestResponse({ type: ProblemDetails })
@ApiNotFoundResponse({
  type: ProblemDetails,
  description: 'No such cohort that you administer or facilitate.',
})
@Controller('studio/cohorts/:id')
export class CohortProgressController {
  constructor(
    private readonly progress: CohortProgressService,
    private readonly reminders: CohortRemindersService,
  ) {}

  @Get('progress')
  @Roles(...STAFF)
  @ApiOperation({
    summary: "A cohort's learners and how far they are",
    description:
      "Each member across the cohort's courses: status, behind (and why, in your language), progress, last activity, quiz, SCORM and certificate per course. Filter by status or name, sort, page; the summary counts every member.",
  })
  @ApiOkResponse({ type: CohortProgressPage })
  list(
    @UuidParam('id') id: string,
    @Query() query: ProgressQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CohortProgressPage> {
    return this.progress.list(id, query, auth);
  }

  @Get('progress.csv')
  @Roles(...STAFF)
  @ApiOperation({
    summary: "A cohort's progress as CSV",
    description:
      'Every learner the filters keep, in their order, headed in `language`; cells a spreadsheet would run as a formula start with an apostrophe. Audited (cohort_progress.exported).',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with a byte order mark.', schema: { type: 'string' } })
  async csv(
    @UuidParam('id') id: string,
    @Query() query: ProgressCsvQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { filename, body } = await this.progress.csv(id, query, auth, client);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Post('reminders/preview')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Who a reminder would go to, and what it says',
    description:
      'The number of learners, the first 50, and the e-mail as the first of them would read it, in your language. Nothing is sent.',
  })
  @ApiOkResponse({ type: ReminderPreview })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The cohort is closed (`cohort-closed`).' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'A chosen person is not a member.' })
  preview(
    @UuidParam('id') id: string,
    @Body() body: ReminderRequest,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ReminderPreview> {
    return this.reminders.preview(id, body, auth);
  }

  @Post('reminders')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Remind learners by e-mail',
    description:
      'Each learner gets the reminder in their preferred language, saying where they stand, with your message quoted. Audited (cohort.reminded).',
  })
  @ApiOkResponse({ type: ReminderResult })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The cohort is closed (`cohort-closed`).' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'A chosen person is not a member.' })
  send(
    @UuidParam('id') id: string,
    @Body() body: ReminderRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ReminderResult> {
    return this.reminders.send(id, body, auth, client);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
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
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ActionPlanExports } from './action-plan-exports.service.js';
import {
  ActionList,
  ActionPlanExportQuery,
  ActionRevisionQuery,
  ActionView,
  CreateActionRequest,
  ReportProgressRequest,
  UpdateActionRequest,
} from './actions.dto.js';
import { ActionsService } from './actions.service.js';

const NO_ASSESSMENT =
  'No such assessment, or one of an institution you do not administer (`code: assessment-not-found`).';
const NO_ACTION =
  'No such action, or one of an assessment of an institution you do not administer (`code: action-not-found`).';
const NOT_OPEN =
  'The plan opens with the consensus round (`code: round-not-reached`, also while a reopened individual round runs).';
const BAD_RULE =
  "A dimension that is not one of the framework version's (`code: unknown-dimension`), or an end before the start (`code: dates-out-of-order`); the field is named.";

@ApiTags('dgca')
@Controller('studio/dgca')
export class ActionsController {
  constructor(
    private readonly actions: ActionsService,
    private readonly exports: ActionPlanExports,
  ) {}

  @Get('assessments/:id/actions')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: "An assessment's action plan",
    description:
      'Highest priority (impact × feasibility) first, then by start date; each with its progress log.',
  })
  @ApiOkResponse({ type: ActionList })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  list(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<ActionList> {
    return this.actions.list(id, auth);
  }

  @Post('assessments/:id/actions')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Add an action to the plan',
    description: 'From the consensus round on, and after completion. Audited (dgca_action.created).',
  })
  @ApiCreatedResponse({ type: ActionView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  @ApiConflictResponse({ type: ProblemDetails, description: NOT_OPEN })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: BAD_RULE })
  create(
    @UuidParam('id') id: string,
    @Body() body: CreateActionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ActionView> {
    return this.actions.create(id, body, auth, client);
  }

  @Get('assessments/:id/actions.csv')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The action plan as CSV',
    description:
      "One row per action with every field, its start and end quarters and its latest progress report, headed in `language` (the caller's by default). Audited (dgca_actions.exported).",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with a byte order mark.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  async csv(
    @UuidParam('id') id: string,
    @Query() query: ActionPlanExportQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const file = await this.exports.csv(id, query.language ?? auth.preferredLanguage, auth, client);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'no-store');
    return file.body;
  }

  @Get('assessments/:id/actions.pdf')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The action plan as PDF',
    description:
      "Per dimension, each action with every field, its quarters and its latest progress report, in `language` (the caller's by default). Audited (dgca_actions.exported).",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A tagged PDF.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  async pdf(
    @UuidParam('id') id: string,
    @Query() query: ActionPlanExportQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const file = await this.exports.pdf(id, query.language ?? auth.preferredLanguage, auth, client);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'no-store');
    return file.body;
  }

  @Patch('actions/:actionId')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Change an action',
    description: 'Fields left out are unchanged; null clears a date. Audited (dgca_action.updated).',
  })
  @ApiOkResponse({ type: ActionView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ACTION })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: `Someone saved the action meanwhile (\`code: stale-version\`, with \`current\`). ${NOT_OPEN}`,
  })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: BAD_RULE })
  update(
    @UuidParam('actionId') actionId: string,
    @Body() body: UpdateActionRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ActionView> {
    return this.actions.update(actionId, body, auth, client);
  }

  @Delete('actions/:actionId')
  @HttpCode(204)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Remove an action and its progress log',
    description: 'Audited (dgca_action.deleted).',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ACTION })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: `Someone saved the action meanwhile (\`code: stale-version\`, with \`current\`). ${NOT_OPEN}`,
  })
  async remove(
    @UuidParam('actionId') actionId: string,
    @Query() query: ActionRevisionQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.actions.remove(actionId, query.revision, auth, client);
  }

  @Post('actions/:actionId/updates')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Report progress on an action',
    description:
      "A comment, and the action's new status or progress if given (which then change the action and its revision). Audited (dgca_action.progress_reported).",
  })
  @ApiCreatedResponse({ type: ActionView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ACTION })
  @ApiConflictResponse({ type: ProblemDetails, description: NOT_OPEN })
  reportProgress(
    @UuidParam('actionId') actionId: string,
    @Body() body: ReportProgressRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ActionView> {
    return this.actions.reportProgress(actionId, body, auth, client);
  }
}

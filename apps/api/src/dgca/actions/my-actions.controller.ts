import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { SignedIn } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ActionList, ActionView, ReportProgressRequest } from './actions.dto.js';
import { ActionsService } from './actions.service.js';

const NOT_A_PARTICIPANT =
  'No such assessment, a draft, or one you do not take part in (`code: assessment-not-found`); managers use the Studio routes.';

/** The team's action plan as its participants see it: read it, and report progress on it. */
@ApiTags('dgca')
@Controller('me/assessments')
export class MyActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get(':id/actions')
  @SignedIn()
  @ApiOperation({
    summary: "My team's action plan",
    description: 'Read-only; highest priority first, each with its progress log.',
  })
  @ApiOkResponse({ type: ActionList })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_A_PARTICIPANT })
  list(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<ActionList> {
    return this.actions.listForParticipant(id, auth);
  }

  @Post(':id/actions/:actionId/updates')
  @SignedIn()
  @ApiOperation({
    summary: 'Report progress on an action of my team',
    description:
      "A comment, and the action's new status or progress if given. Audited (dgca_action.progress_reported).",
  })
  @ApiCreatedResponse({ type: ActionView })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: `${NOT_A_PARTICIPANT} Or no such action in this assessment (\`code: action-not-found\`).`,
  })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The plan opens with the consensus round (`code: round-not-reached`).',
  })
  reportProgress(
    @UuidParam('id') id: string,
    @UuidParam('actionId') actionId: string,
    @Body() body: ReportProgressRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ActionView> {
    return this.actions.reportProgressAsParticipant(id, actionId, body, auth, client);
  }
}

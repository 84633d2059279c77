import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { SignedIn } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ScormNavigationRequest, ScormNavigationResult, ScormPlayerView } from './scorm-player.dto.js';
import { ScormPlayer } from './scorm-player.service.js';

/** A learner's SCORM activity in a course they are enrolled in (anyone else: 404). */
@ApiTags('learning')
@ApiBadRequestResponse({ type: ProblemDetails })
@ApiNotFoundResponse({
  type: ProblemDetails,
  description: 'Not enrolled, or no such SCORM activity in my version.',
})
@Controller('me/learning/:slug/scorm/:activityId')
export class ScormPlayerController {
  constructor(private readonly player: ScormPlayer) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'A SCORM activity: its table of contents with my statuses, its controls, what to resume',
  })
  @ApiOkResponse({ type: ScormPlayerView })
  view(
    @Param('slug') slug: string,
    @UuidParam('activityId') activityId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ScormPlayerView> {
    return this.player.view(slug, activityId, auth);
  }

  @Post('navigation')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary: 'Ask sequencing for the next SCO to open',
    description:
      'start (resumes a suspended attempt if there is one), resumeAll, continue, previous, choice (with target), exit, exitAll. With `fromSessionId`, the final commit of the session being left is waited for first (up to 2 s). A delivered SCO opens a new session: its suspended attempt resumed, or a new attempt.',
  })
  @ApiOkResponse({ type: ScormNavigationResult })
  @ApiConflictResponse({
    type: ProblemDetails,
    description:
      'Sequencing refuses the request; `reason`: choice-not-allowed, no-next, no-previous, disabled, hidden, forward-only, unknown-target, not-launchable, flow-not-allowed, nothing-deliverable.',
  })
  navigate(
    @Param('slug') slug: string,
    @UuidParam('activityId') activityId: string,
    @Body() body: ScormNavigationRequest,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ScormNavigationResult> {
    return this.player.navigate(slug, activityId, body, auth);
  }
}

import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { CsrfExempt, SignedIn } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ScormCommitResult } from './scorm-player.dto.js';
import { ScormCommits } from './scorm-commits.service.js';

/**
 * scorm-again's lmsCommitUrl. Bodies are JSON, sent as application/json by its synchronous XHR
 * and as text/plain by navigator.sendBeacon on terminate (Fastify's own text/plain parser hands
 * the text over; it is parsed here), both within the API's 1 MB body limit (BODY_LIMIT_BYTES).
 */
@ApiTags('learning')
@Controller('scorm/sessions/:sessionId')
export class ScormCommitsController {
  constructor(private readonly commits: ScormCommits) {}

  @Post('commits')
  @HttpCode(200)
  @SignedIn()
  @CsrfExempt(
    'scorm-again sends the terminate commit with navigator.sendBeacon, which cannot add the X-CSRF-Token header; the session id is unguessable and belongs to the signed-in learner, and the request must be same-origin',
  )
  @ApiOperation({
    summary: "A SCO's commit (scorm-again's JSON commit with commitSequence)",
    description:
      "Applies only to the session's attempt while the session is current, and only if commitSequence is above the last applied: duplicates and stale commits answer true and change nothing. `final=true` marks the terminate commit. Needs no X-CSRF-Token (sendBeacon cannot send one) but refuses cross-site requests (Origin, Sec-Fetch-Site).",
  })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiQuery({ name: 'final', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({
    type: ScormCommitResult,
    description:
      'What the SCO gets back from LMSCommit / Commit: `{"result":"true","errorCode":0}`, or false with a SCORM error code.',
  })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'Not a scorm-again JSON commit.' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such session of mine.' })
  commit(
    @UuidParam('sessionId') sessionId: string,
    @Query('final') final: string | undefined,
    @Body() body: unknown,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ScormCommitResult> {
    return this.commits.commit(sessionId, body, final === 'true', auth);
  }
}

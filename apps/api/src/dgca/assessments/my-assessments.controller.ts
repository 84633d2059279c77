import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { SignedIn } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  MyAssessmentList,
  MyAssessmentView,
  RateStatementRequest,
  RatingSaved,
  SubmittedView,
} from './my-assessments.dto.js';
import { MyAssessmentsService } from './my-assessments.service.js';

const NOT_YOURS =
  'No such assessment, one you do not take part in, or one still being prepared (`code: assessment-not-found`).';
const CLOSED =
  'The individual round is not open: `code: round-closed` (consensus round) or `assessment-completed`.';

@ApiTags('dgca')
@Controller('me/assessments')
export class MyAssessmentsController {
  constructor(private readonly mine: MyAssessmentsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'The capability assessments you take part in',
    description: 'Drafts are left out.',
  })
  @ApiOkResponse({ type: MyAssessmentList })
  list(@CurrentAuth() auth: AuthContext): Promise<MyAssessmentList> {
    return this.mine.list(auth);
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({
    summary: 'An assessment to rate',
    description: 'Its scale and statements, with your own answers only.',
  })
  @ApiOkResponse({ type: MyAssessmentView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  get(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<MyAssessmentView> {
    return this.mine.get(id, auth);
  }

  @Put(':id/ratings/:statementId')
  @SignedIn()
  @ApiOperation({
    summary: 'Rate a statement',
    description:
      'A level of the scale (`value`) or `dontKnow: true`, with an optional comment and evidence link (left out: unchanged; null: cleared). Only while the individual round is open.',
  })
  @ApiOkResponse({ type: RatingSaved })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: `${NOT_YOURS} Or a statement not of this assessment (\`statement-not-found\`).`,
  })
  @ApiConflictResponse({ type: ProblemDetails, description: CLOSED })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'A value that is not a level of the scale (`code: rating-out-of-scale`, with `allowed`), both or neither of value and dontKnow (`invalid-rating`), or an evidence link that is not http(s) (`invalid-evidence-url`).',
  })
  rate(
    @UuidParam('id') id: string,
    @UuidParam('statementId') statementId: string,
    @Body() body: RateStatementRequest,
    @CurrentAuth() auth: AuthContext,
  ): Promise<RatingSaved> {
    return this.mine.rate(id, statementId, body, auth);
  }

  @Delete(':id/ratings/:statementId')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary: 'Clear your answer to a statement',
    description: 'Only while the individual round is open.',
  })
  @ApiNoContentResponse({ description: 'Cleared (or there was no answer).' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  @ApiConflictResponse({ type: ProblemDetails, description: CLOSED })
  async clear(
    @UuidParam('id') id: string,
    @UuidParam('statementId') statementId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<void> {
    await this.mine.clear(id, statementId, auth);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary: 'Say you are done rating',
    description: 'You may still change answers until the round closes.',
  })
  @ApiOkResponse({ type: SubmittedView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  @ApiConflictResponse({ type: ProblemDetails, description: CLOSED })
  submit(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<SubmittedView> {
    return this.mine.submit(id, auth, client);
  }
}

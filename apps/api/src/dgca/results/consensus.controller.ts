import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ConsensusService } from './consensus.service.js';
import { ConsensusView, RecordConsensusRequest, StatementConsensus } from './results.dto.js';

const NO_ASSESSMENT =
  'No such assessment, or one of an institution you do not administer (`code: assessment-not-found`).';

@ApiTags('dgca')
@Controller('studio/dgca/assessments')
export class ConsensusController {
  constructor(private readonly consensus: ConsensusService) {}

  @Get(':id/consensus')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The consensus round: anonymous distributions, comments and agreed ratings',
    description:
      'Per statement: the distribution of the individual ratings over every level, mean, spread, a disagreement flag and the comments sorted by text, never tied to a person. Withheld (zeros, nulls, no comments) while fewer than three people answered, for the round or for the statement.',
  })
  @ApiOkResponse({ type: ConsensusView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'Before the consensus round (`code: round-not-reached`).',
  })
  view(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<ConsensusView> {
    return this.consensus.view(id, auth);
  }

  @Put(':id/consensus/:statementId')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: "Record the group's agreed rating of a statement",
    description:
      'A level of the scale, or dontKnow: true, with notes; replaces what was recorded. Only in the consensus round. Audited (dgca_consensus.recorded).',
  })
  @ApiOkResponse({ type: StatementConsensus })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: `${NO_ASSESSMENT} Or a statement not of its framework version (\`code: statement-not-found\`).`,
  })
  @ApiConflictResponse({
    type: ProblemDetails,
    description:
      'Not in the consensus round (`code: round-not-reached` before it, `assessment-completed` after).',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'Neither or both of value and dontKnow (`code: consensus-choice`), or a value not on the scale (`code: rating-out-of-scale`, with `allowed`).',
  })
  record(
    @UuidParam('id') id: string,
    @UuidParam('statementId') statementId: string,
    @Body() body: RecordConsensusRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<StatementConsensus> {
    return this.consensus.record(id, statementId, body, auth, client);
  }
}

import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { SignedIn } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { ResultsExports } from './results-exports.service.js';
import { sendFile } from './results.controller.js';
import { ResultsExportQuery, ResultsView } from './results.dto.js';
import { ResultsService } from './results.service.js';

const NOT_A_PARTICIPANT =
  'No such assessment, a draft, or one you do not take part in (`code: assessment-not-found`); managers use the Studio routes.';
const NOT_READY = 'The assessment is not completed yet (`code: results-not-ready`).';

/** The team's results as its participants see them, once the assessment is completed. */
@ApiTags('me')
@Controller('me/assessments')
export class MyResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly exports: ResultsExports,
  ) {}

  @Get(':id/results')
  @SignedIn()
  @ApiOperation({
    summary: "My team's capability profile",
    description: 'The same profile the facilitator sees, once the assessment is completed.',
  })
  @ApiOkResponse({ type: ResultsView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_A_PARTICIPANT })
  @ApiConflictResponse({ type: ProblemDetails, description: NOT_READY })
  async view(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<ResultsView> {
    return (await this.results.forParticipant(id, auth)).view;
  }

  @Get(':id/results.pdf')
  @SignedIn()
  @ApiOperation({
    summary: "My team's capability profile as PDF",
    description:
      'In `language` (yours by default), once the assessment is completed. Audited (dgca_results.exported).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A tagged PDF.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_A_PARTICIPANT })
  @ApiConflictResponse({ type: ProblemDetails, description: NOT_READY })
  async pdf(
    @UuidParam('id') id: string,
    @Query() query: ResultsExportQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const file = await this.exports.participantPdf(
      id,
      query.language ?? auth.preferredLanguage,
      auth,
      client,
    );
    return sendFile(reply, file, 'application/pdf');
  }
}

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
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { RegionalService } from './regional.service.js';
import { ResultsExports, type ResultsFile } from './results-exports.service.js';
import { RegionalQuery, RegionalView, ResultsExportQuery, ResultsView } from './results.dto.js';
import { ResultsService } from './results.service.js';

const NO_ASSESSMENT =
  'No such assessment, or one of an institution you do not administer (`code: assessment-not-found`).';
const NOT_YET = 'Before the consensus round (`code: round-not-reached`).';

/** Sends an export as a download that no cache keeps. */
export function sendFile(reply: FastifyReply, file: ResultsFile, type: string): string | Buffer {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  return file.body;
}

@ApiTags('dgca')
@Controller('studio/dgca')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly exports: ResultsExports,
    private readonly regional: RegionalService,
  ) {}

  @Get('assessments/:id/results')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The capability profile of an assessment',
    description:
      'Per dimension: individual average and spread (withheld below three people), consensus, score and change since the previous assessment; strengths, gaps, recommended modules, and the E-Government Survey 2024 indices of the country. From the consensus round on.',
  })
  @ApiOkResponse({ type: ResultsView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  @ApiConflictResponse({ type: ProblemDetails, description: NOT_YET })
  async view(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<ResultsView> {
    return (await this.results.forManager(id, auth)).view;
  }

  @Get('assessments/:id/results.csv')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The capability profile as CSV',
    description:
      "A row per dimension and per statement: average, spread, consensus, score, answers (summed over its statements on a dimension row), don't know, disagreement; withheld cells say so; headed in `language` (the caller's by default). Audited (dgca_results.exported).",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with a byte order mark.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  @ApiConflictResponse({ type: ProblemDetails, description: NOT_YET })
  async csv(
    @UuidParam('id') id: string,
    @Query() query: ResultsExportQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const file = await this.exports.csv(id, query.language ?? auth.preferredLanguage, auth, client);
    return sendFile(reply, file, 'text/csv; charset=utf-8');
  }

  @Get('assessments/:id/results.pdf')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The capability profile as PDF',
    description:
      "Title, subject, dates, profile table, strengths and gaps, recommended modules and the E-Government Survey 2024 context with its source, in `language` (the caller's by default). Audited (dgca_results.exported).",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A tagged PDF.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NO_ASSESSMENT })
  @ApiConflictResponse({ type: ProblemDetails, description: NOT_YET })
  async pdf(
    @UuidParam('id') id: string,
    @Query() query: ResultsExportQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const file = await this.exports.pdf(id, query.language ?? auth.preferredLanguage, auth, client);
    return sendFile(reply, file, 'application/pdf');
  }

  @Get('regional')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The anonymous regional profile of a framework version',
    description:
      "The mean score per dimension over the countries that opted in (each country's latest completed country assessment on the version). No country is named; scores are null until at least three countries take part.",
  })
  @ApiOkResponse({ type: RegionalView })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: 'No published version with this id (`code: version-not-found`).',
  })
  regionalView(@Query() query: RegionalQuery): Promise<RegionalView> {
    return this.regional.view(query.versionId);
  }
}

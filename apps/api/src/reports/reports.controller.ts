import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InstitutionRole } from '../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Roles } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import {
  BreakdownCsvQuery,
  BreakdownQuery,
  ReportBreakdown,
  ReportFilterQuery,
  ReportSummary,
} from './reports.dto.js';
import { ReportsService } from './reports.service.js';

const SCOPED =
  'Platform admins see every institution; institution admins only learners of their institutions ' +
  '(courses they give, or their cohorts), whatever the filters. Values resting on fewer than 5 people ' +
  'are withheld, with any that would let one be worked out by subtraction.';

@ApiTags('reports')
@Controller('studio/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Enrolments, active learners, completions, pass rate and time to complete, in total',
    description: SCOPED,
  })
  @ApiOkResponse({ type: ReportSummary })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'A filter is not valid, or the period ends before it starts.',
  })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'An institution that you do not administer.' })
  summary(@Query() query: ReportFilterQuery, @CurrentAuth() auth: AuthContext): Promise<ReportSummary> {
    return this.reports.summary(query, auth);
  }

  @Get('breakdown')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary:
      'The measures by country, institution, cohort, department, course or month, optionally disaggregated',
    description: `${SCOPED} Disaggregation by sex, age band, disability or island/region counts learners who did not say as \`not_stated\`.`,
  })
  @ApiOkResponse({ type: ReportBreakdown })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'A filter is not valid, or the period ends before it starts.',
  })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'An institution that you do not administer.' })
  breakdown(@Query() query: BreakdownQuery, @CurrentAuth() auth: AuthContext): Promise<ReportBreakdown> {
    return this.reports.breakdown(query, auth);
  }

  @Get('breakdown.csv')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The breakdown as CSV',
    description: `${SCOPED} Headed in \`language\` (the caller's by default); withheld values read "suppressed" in that language. Audited (report.exported).`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV, UTF-8 with a byte order mark.', schema: { type: 'string' } })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'A filter is not valid, or the period ends before it starts.',
  })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'An institution that you do not administer.' })
  async csv(
    @Query() query: BreakdownCsvQuery,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { language, ...report } = query;
    const { filename, body } = await this.reports.csv(
      report,
      language ?? auth.preferredLanguage,
      auth,
      client,
    );
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}

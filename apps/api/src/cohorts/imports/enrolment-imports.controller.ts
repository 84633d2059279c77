import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { PageQuery } from '../../common/pagination/page.dto.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { uploadBodyOf } from '../../files/upload-body.js';
import {
  ConfirmImportBody,
  IMPORT_UPLOAD_BODY,
  ImportPage,
  ImportResponse,
  ImportRowPage,
  ImportRowsQuery,
  TemplateQuery,
  UploadQuery,
} from './enrolment-imports.dto.js';
import { EnrolmentImportsService } from './enrolment-imports.service.js';

const HIDDEN = 'No such cohort (or import), or one of an institution you do not administer.';
const CLOSED = 'The cohort is closed (`code: cohort-closed`).';

/** Bulk enrolment into a cohort from a CSV file: template, upload and preview, confirm or discard. */
@ApiTags('cohorts')
@Controller('studio')
export class EnrolmentImportsController {
  constructor(private readonly imports: EnrolmentImportsService) {}

  @Get('cohorts/:cohortId/enrolment-imports/template.csv')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'The CSV template to fill in',
    description: 'The headers in `language` and one example row; UTF-8 with a byte order mark.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  async template(
    @UuidParam('cohortId') cohortId: string,
    @Query() query: TemplateQuery,
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { csv, language } = await this.imports.template(cohortId, query.language, auth);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="enrolment-template-${language}.csv"`);
    return csv;
  }

  @Post('cohorts/:cohortId/enrolment-imports')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Upload a CSV of people to enrol: every row is checked, nothing is applied yet',
    description:
      'A small file is read in the request (201, status previewed); a large one in the background (202, ' +
      'status validating: poll GET /api/studio/enrolment-imports/:id). Audited.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_UPLOAD_BODY)
  @ApiCreatedResponse({ type: ImportResponse })
  @ApiAcceptedResponse({ type: ImportResponse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({ type: ProblemDetails, description: CLOSED })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails, description: 'Larger than 32 MB.' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'The file is refused, `code` says why: not-csv, empty-file, missing-columns (`missingColumns`), ' +
      'too-many-rows. `importId` names the rejected import. Also: no file part.',
  })
  async upload(
    @UuidParam('cohortId') cohortId: string,
    @Query() query: UploadQuery,
    @Req() request: FastifyRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    const answer = await this.imports.upload(
      cohortId,
      uploadBodyOf(request, this.imports.hardLimitBytes),
      query.language,
      auth,
      client,
    );
    reply.status(answer.status);
    return answer.body;
  }

  @Get('cohorts/:cohortId/enrolment-imports')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: "A cohort's enrolment imports, newest first" })
  @ApiOkResponse({ type: ImportPage })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  list(
    @UuidParam('cohortId') cohortId: string,
    @Query() query: PageQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ImportPage> {
    return this.imports.list(cohortId, query.page, query.pageSize, auth);
  }

  @Get('enrolment-imports/:id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'An enrolment import: its status, progress and counts' })
  @ApiOkResponse({ type: ImportResponse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  get(@UuidParam('id') id: string, @CurrentAuth() auth: AuthContext): Promise<ImportResponse> {
    return this.imports.get(id, auth);
  }

  @Get('enrolment-imports/:id/rows')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: "An import's rows as checked, in file order; `outcome=invalid` for those with problems",
  })
  @ApiOkResponse({ type: ImportRowPage })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  rows(
    @UuidParam('id') id: string,
    @Query() query: ImportRowsQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ImportRowPage> {
    return this.imports.rows(id, query.outcome, query.page, query.pageSize, auth);
  }

  @Post('enrolment-imports/:id/confirm')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Apply a previewed import',
    description:
      'Every row without problems is enrolled in one transaction (people without an account are invited in ' +
      'their language, people with one are enrolled and notified); mails go once it committed. Up to 1,000 ' +
      'rows in the request (200, status applied), more in the background (202, status applying: poll). Audited.',
  })
  @ApiOkResponse({ type: ImportResponse })
  @ApiAcceptedResponse({ type: ImportResponse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description:
      'Already confirmed (`already-confirmed`), not a preview (`not-previewed`), the cohort is closed ' +
      '(`cohort-closed`) or outside its enrolment window (`enrolment-window`).',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'Rows have problems and skipInvalidRows is not true (`rows-have-problems`), or rows give reporting fields and reportingConsent is not true (`reporting-consent-required`).',
  })
  async confirm(
    @UuidParam('id') id: string,
    @Body() body: ConfirmImportBody,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    const answer = await this.imports.confirm(id, body, auth, client);
    reply.status(answer.status);
    return answer.body;
  }

  @Delete('enrolment-imports/:id')
  @Roles(InstitutionRole.InstitutionAdmin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard an import that was not applied (its rows are deleted). Audited.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails, description: HIDDEN })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'Applied or being applied (`not-discardable`), or the cohort is closed.',
  })
  discard(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.imports.discard(id, auth, client);
  }
}

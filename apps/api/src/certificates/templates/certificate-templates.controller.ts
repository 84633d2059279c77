import { Body, Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from '../../courses/course-scope.js';
import { CertificatePreviewService } from './certificate-preview.service.js';
import { CertificateSettingsService } from './certificate-settings.service.js';
import { CertificateTemplatesService } from './certificate-templates.service.js';
import {
  CertificateSettingsBody,
  CertificateTemplateList,
  CertificateTemplateResponse,
  SaveTemplateBody,
  TemplateContentBody,
} from './certificate-templates.dto.js';

const NOT_YOURS = 'No such course that you may edit.';
const BAD_CONTENT =
  'A field is invalid: an unknown {{placeholder}} (named), more than 3 logos or signatories, or an image ' +
  "that is not a PNG or JPEG uploaded for the course's institution.";

@ApiTags('certificates')
@Controller('studio/courses/:courseId')
export class CertificateTemplatesController {
  constructor(
    private readonly settings: CertificateSettingsService,
    private readonly templates: CertificateTemplatesService,
    private readonly previews: CertificatePreviewService,
  ) {}

  @Get('certificate-settings')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Get a course's certificate settings",
    description: 'For the authors of the course. Defaults (enabled, automatic, no expiry) until changed.',
  })
  @ApiOkResponse({ type: CertificateSettingsBody })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  getSettings(
    @UuidParam('courseId') courseId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CertificateSettingsBody> {
    return this.settings.get(courseId, auth);
  }

  @Put('certificate-settings')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Change a course's certificate settings",
    description: 'For the authors of the course. Applies to certificates issued from now on. Audited.',
  })
  @ApiOkResponse({ type: CertificateSettingsBody })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  saveSettings(
    @UuidParam('courseId') courseId: string,
    @Body() body: CertificateSettingsBody,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CertificateSettingsBody> {
    return this.settings.save(courseId, body, auth, client);
  }

  @Get('certificate-template')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Get a course's current certificate template",
    description:
      'For the authors of the course. A course without one gets the default (version 1, in the ' +
      "course's language) on first read.",
  })
  @ApiOkResponse({ type: CertificateTemplateResponse })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  getTemplate(
    @UuidParam('courseId') courseId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CertificateTemplateResponse> {
    return this.templates.current(courseId, auth);
  }

  @Put('certificate-template')
  @Roles(...AUTHOR_ROLES)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Save a new version of the certificate template',
    description:
      'For the authors of the course. Inserts version `expectedVersion + 1`; certificates already issued ' +
      'keep the version they were made with. Audited.',
  })
  @ApiCreatedResponse({ type: CertificateTemplateResponse })
  @ApiBadRequestResponse({ type: ProblemDetails, description: BAD_CONTENT })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'expectedVersion is not the current version (`currentVersion` says which is).',
  })
  saveTemplate(
    @UuidParam('courseId') courseId: string,
    @Body() body: SaveTemplateBody,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CertificateTemplateResponse> {
    const { expectedVersion, ...content } = body;
    return this.templates.save(courseId, expectedVersion, content, auth, client);
  }

  @Get('certificate-template/versions')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({ summary: "Every version of a course's certificate template, newest first" })
  @ApiOkResponse({ type: CertificateTemplateList })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  async versions(
    @UuidParam('courseId') courseId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CertificateTemplateList> {
    return { items: await this.templates.versions(courseId, auth) };
  }

  @Post('certificate-template/preview')
  @Roles(...AUTHOR_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Draw a template as a sample PDF without saving it',
    description:
      "For the authors of the course. A sample learner with diacritics in the name, the course's own " +
      'title, hours and institution, a sample code.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The sample certificate.', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ProblemDetails, description: BAD_CONTENT })
  @ApiNotFoundResponse({ type: ProblemDetails, description: NOT_YOURS })
  async preview(
    @UuidParam('courseId') courseId: string,
    @Body() body: TemplateContentBody,
    @CurrentAuth() auth: AuthContext,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.previews.preview(courseId, body, auth);
    await reply
      .status(200)
      .type('application/pdf')
      .header('content-disposition', 'inline; filename="certificate-preview.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  }
}

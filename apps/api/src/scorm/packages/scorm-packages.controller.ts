import { Controller, Get, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from '../../courses/course-scope.js';
import { SCORM_UPLOAD_BODY, ScormDraftView, ScormPackageView } from './scorm-packages.dto.js';
import { uploadBodyOf } from '../../files/upload-body.js';
import { ScormPackagesService } from './scorm-packages.service.js';

@ApiTags('studio')
@Controller('studio/scorm/:activityId')
export class ScormPackagesController {
  constructor(private readonly packages: ScormPackagesService) {}

  @Get()
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: "Get a scorm activity's package and its older uploads",
    description: 'For the authors of its course. `package` is null until a package is uploaded.',
  })
  @ApiOkResponse({ type: ScormDraftView })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such scorm activity that you may edit.' })
  get(
    @UuidParam('activityId') activityId: string,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ScormDraftView> {
    return this.packages.draft(activityId, auth);
  }

  @Post('package')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Upload a SCORM package (zip) to a scorm activity',
    description:
      'For the authors of its course. The zip (SCORM 1.2 or 2004) is extracted with limits on entries, ' +
      'size and compression ratio, and its manifest checked; a package that can be played becomes the ' +
      "activity's current one (the draft: learners get it when the course is next published). Each upload " +
      'is a new package; `replacement` compares its SCO identifiers with the previous one. Audited.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(SCORM_UPLOAD_BODY)
  @ApiCreatedResponse({ type: ScormPackageView })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'A broken multipart body.' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such scorm activity that you may edit.' })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The course is archived.' })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails, description: 'Larger than SCORM_UPLOAD_MAX_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({
    type: ProblemDetails,
    description: 'The file is not a zip, or the body is not multipart/form-data.',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'Type `urn:archipelago:problem:scorm-package-refused`: `problems` lists each error and warning ' +
      '(code, severity, detail, itemId?, resourceId?, line?, entry?). Also: no file part, or an empty file.',
  })
  upload(
    @UuidParam('activityId') activityId: string,
    @Req() request: FastifyRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<ScormPackageView> {
    return this.packages.upload(
      activityId,
      uploadBodyOf(request, this.packages.hardLimitBytes),
      auth,
      client,
    );
  }
}

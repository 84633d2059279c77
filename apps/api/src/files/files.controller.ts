import { Controller, Get, Headers, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/multipart';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { Client, CurrentAuth } from '../auth/current-auth.decorator.js';
import { Public, Roles } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { AUTHOR_ROLES } from '../courses/course-scope.js';
import { StoredFileView, UPLOAD_BODY, UploadFileQuery } from './files.dto.js';
import { FilesService } from './files.service.js';
import { uploadBodyOf } from './upload-body.js';
import { contentDisposition, etagOf, FILE_CSP, IMMUTABLE, isFresh } from './serving-headers.js';
import { ACCEPTED_MEDIA_TYPES } from './upload-rules.js';

@ApiTags('files')
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('studio/files')
  @Roles(...AUTHOR_ROLES)
  @ApiOperation({
    summary: 'Upload an image or a PDF',
    description:
      'For authors of the institution (trainers, institution admins) and platform admins. The type is ' +
      'judged from the content, not the name: PNG, JPEG, GIF, WebP (images, 5 MB by default) and PDF ' +
      '(20 MB by default); no SVG or HTML. Audited. Use the answer’s `url` as an image src or a link.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ type: StoredFileView })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'institutionId missing, or a broken body.' })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'There is no such institution.' })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails, description: 'Larger than the limit for its type.' })
  @ApiUnsupportedMediaTypeResponse({
    type: ProblemDetails,
    description: 'The content is not an accepted type, or the body is not multipart/form-data.',
  })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'No file part, or an empty file.' })
  upload(
    @Query() query: UploadFileQuery,
    @Req() request: FastifyRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<StoredFileView> {
    return this.files.upload(
      query.institutionId,
      uploadBodyOf(request, this.files.hardLimitBytes),
      auth,
      client,
    );
  }

  @Get('files/:id')
  @Public(
    'Course media must load wherever the course shows: lesson images and PDFs for its learners, ' +
      'the cover in the public catalogue for anyone, signed in or not. Ids are random UUIDs (122 bits) ' +
      'that appear only in course content, so a file is found only through a course that shows it; ' +
      'only images and PDFs (checked by content) are stored, served inert (nosniff, sandboxed CSP, ' +
      'PDFs as downloads).',
  )
  @ApiOperation({
    summary: 'Get an uploaded file',
    description:
      'Streams the bytes with their type, `X-Content-Type-Options: nosniff` and a year-long immutable cache ' +
      '(a file never changes; its ETag is its SHA-256). Images are inline, PDFs attachments.',
  })
  @ApiProduces(...ACCEPTED_MEDIA_TYPES)
  @ApiOkResponse({ description: 'The file.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async serve(
    @UuidParam('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.files.find(id);
    reply
      .header('cache-control', IMMUTABLE)
      .header('etag', etagOf(file))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', FILE_CSP);
    if (isFresh(ifNoneMatch, file)) {
      await reply.status(304).send();
      return;
    }
    const stream = await this.files.open(file);
    await reply
      .status(200)
      .type(file.mediaType)
      .header('content-length', String(file.byteSize))
      .header('content-disposition', contentDisposition(file))
      .send(stream);
  }
}

import { Controller, Get, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { SignedIn } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { PackageFilesService } from './package-files.service.js';

@ApiTags('scorm')
@Controller('scorm/packages/:packageId/files')
export class PackageFilesController {
  constructor(private readonly files: PackageFilesService) {}

  @Get('*')
  @SignedIn()
  @ApiOperation({
    summary: "Get a file of a SCORM package (GET or HEAD), as the learner's player loads it",
    description:
      'For learners enrolled on a course version that plays the package, and the authors of its course ' +
      '(preview); anyone else gets 404. Typed by extension, with `nosniff`, byte ranges (206, 416), ' +
      'ETag and Last-Modified (304), a year-long private immutable cache, and framing by our own pages only.',
  })
  @ApiOkResponse({ description: 'The file (206 for a range).', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({
    type: ProblemDetails,
    description: 'A path with `..`, backslashes or bad encoding.',
  })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such file, or not yours to read.' })
  serve(
    @UuidParam('packageId') packageId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @CurrentAuth() auth: AuthContext,
  ): Promise<void> {
    return this.files.serve(packageId, request, reply, auth);
  }
}

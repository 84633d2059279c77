import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { ClientErrorReport } from './client-error.dto.js';
import { ClientErrorsService } from './client-errors.service.js';

@ApiTags('client-errors')
@Controller('client-errors')
export class ClientErrorsController {
  constructor(private readonly clientErrors: ClientErrorsService) {}

  @Post()
  @HttpCode(202)
  @Public('A page may crash before or without sign-in; reports are size-limited and only logged.')
  @ApiOperation({
    summary: 'Report a crash in a web app',
    description: 'Logged with the request id; nothing is stored.',
  })
  @ApiAcceptedResponse({ description: 'The report was logged.' })
  @ApiBadRequestResponse({ type: ProblemDetails })
  report(@Body() report: ClientErrorReport, @Req() request: FastifyRequest): void {
    this.clientErrors.record(report, request.headers['user-agent']);
  }
}

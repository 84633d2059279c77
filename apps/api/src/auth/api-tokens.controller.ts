import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SignedIn } from '../common/access/access-rule.js';
import { ProblemDetails } from '../common/problem/problem-details.js';
import { ApiTokenView, CreateApiTokenRequest, CreatedApiTokenResponse } from './api-tokens.dto.js';
import { ApiTokensService } from './api-tokens.service.js';
import type { AuthContext, ClientInfo } from './auth-context.js';
import { Client, CurrentAuth } from './current-auth.decorator.js';

@ApiTags('account')
@Controller('me/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @SignedIn({ interactive: true })
  @ApiOperation({
    summary: 'My API tokens',
    description: 'Every personal API token, newest first; never the secret.',
  })
  @ApiOkResponse({ type: [ApiTokenView] })
  @ApiForbiddenResponse({ type: ProblemDetails, description: 'API tokens cannot manage tokens.' })
  list(@CurrentAuth() auth: AuthContext): Promise<ApiTokenView[]> {
    return this.tokens.list(auth.userId);
  }

  @Post()
  @HttpCode(201)
  @SignedIn({ interactive: true })
  @ApiOperation({
    summary: 'Create an API token',
    description:
      'Returns the token once; only its hash is stored. Use it as `Authorization: Bearer <token>`.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenResponse })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'Too many active tokens.' })
  create(
    @Body() body: CreateApiTokenRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CreatedApiTokenResponse> {
    return this.tokens.create(auth, body, client);
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn({ interactive: true })
  @ApiOperation({ summary: 'Revoke an API token', description: 'The token stops working at once.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetails })
  revoke(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<void> {
    return this.tokens.revoke(auth, id, client);
  }
}

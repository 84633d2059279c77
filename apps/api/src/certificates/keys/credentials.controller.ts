import { Controller, Get, Header, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { PlatformAdmin, Public } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { StatusLists } from '../status-list/status-lists.service.js';
import { IssuerProfileView, JwksView, KeyRotationView } from '../verification/verification.dto.js';
import { issuerProfile } from './issuer-identity.js';
import { IssuerKeys } from './issuer-keys.service.js';

/** True when the client's If-None-Match already names this ETag. */
const fresh = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined &&
  ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');

/**
 * Verifiers that run in a browser on another site (wallets, verifier pages) fetch the keys, the
 * issuer and the status lists cross-origin; these answers carry nothing personal and no cookie
 * is ever honoured with `*`, so any origin may read them.
 */
export const ANY_ORIGIN = '*';

/** What third-party verifiers need: the issuer, its public keys, the revocation lists (ADR 0017). */
@ApiTags('verification')
@Controller('credentials')
export class CredentialsController {
  constructor(
    private readonly keys: IssuerKeys,
    private readonly statusLists: StatusLists,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('jwks')
  @Header('access-control-allow-origin', ANY_ORIGIN)
  @Public('Public keys are meant to be published: verifiers check certificate signatures with them.')
  @ApiOperation({
    summary: 'The issuer public keys (JWKS)',
    description:
      'The current Ed25519 key and every retired one, so credentials signed before a rotation still verify. Also at /.well-known/jwks.json.',
  })
  @ApiOkResponse({ type: JwksView })
  jwks(): Promise<JwksView> {
    return this.keys.jwks();
  }

  @Get('issuer')
  @Header('access-control-allow-origin', ANY_ORIGIN)
  @Public("The issuer profile is what every credential's issuer id points to; it holds no personal data.")
  @ApiOperation({ summary: 'The issuer profile', description: 'An Open Badges 3.0 Profile.' })
  @ApiOkResponse({ type: IssuerProfileView })
  issuer(): IssuerProfileView {
    return issuerProfile(this.config);
  }

  @Get('status/:list')
  @Public(
    'Revocation status lists are public by design (Bitstring Status List): a bit per certificate, no names, so third parties see revocations.',
  )
  @ApiOperation({
    summary: 'A revocation status list',
    description:
      'A BitstringStatusListCredential signed as a VC-JWT (application/vc+jwt). Read fresh on every request: a revocation shows at once.',
  })
  @ApiProduces('application/vc+jwt')
  @ApiOkResponse({ description: 'The compact JWS.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No certificate uses this list yet.' })
  async statusList(
    @Param('list') list: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const signed = await this.statusLists.get(list);
    reply
      .header('cache-control', 'no-cache')
      .header('etag', signed.etag)
      .header('access-control-allow-origin', ANY_ORIGIN);
    if (fresh(ifNoneMatch, signed.etag)) {
      await reply.status(304).send();
      return;
    }
    await reply.header('content-type', 'application/vc+jwt').send(signed.jwt);
  }

  @Post('keys/rotate')
  @HttpCode(200)
  @PlatformAdmin({ interactive: true })
  @ApiOperation({
    summary: 'Rotate the issuer key',
    description:
      'Retires the current signing key (it stays published) and makes a new one for what is signed from now on. Audited (issuer_key.rotated).',
  })
  @ApiOkResponse({ type: KeyRotationView })
  rotate(@CurrentAuth() auth: AuthContext, @Client() client: ClientInfo): Promise<KeyRotationView> {
    return this.keys.rotate(auth, client);
  }
}

import { Controller, Get, Header, Inject, Param, Req, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/access/access-rule.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemDetails, ProblemType } from '../../common/problem/problem-details.js';
import { formatCode } from '../issuing/certificate-code.js';
import { ANY_ORIGIN } from '../keys/credentials.controller.js';
import { TokenBuckets } from './token-buckets.js';
import { EnvelopedCredential, VerificationView } from './verification.dto.js';
import { VerificationService } from './verification.service.js';

/** Per client address: 60 a minute with bursts of 30, enough for people, too few to walk through codes. */
export const VERIFY_LIMIT = Symbol('VerifyLimit');
export const verifyLimitProvider = { provide: VERIFY_LIMIT, useFactory: () => new TokenBuckets(30, 1) };

const PUBLIC_REASON =
  'Anyone holding a certificate code may check it: that is what the printed code and QR are for. Codes are 80 random bits and the route is rate-limited per address.';

/** Public verification by code: the learner app's /verify page and any third party call these. */
@ApiTags('verification')
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No certificate with this code (or not issued).' })
@ApiTooManyRequestsResponse({
  type: ProblemDetails,
  description: 'Too many checks from this address; see Retry-After.',
})
@Controller('verify/:code')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    @Inject(VERIFY_LIMIT) private readonly limit: TokenBuckets,
  ) {}

  @Get()
  @Public(PUBLIC_REASON)
  @Header('access-control-allow-origin', ANY_ORIGIN)
  @ApiOperation({
    summary: 'Verify a certificate',
    description:
      'Valid, revoked (with the reason only when made public), superseded or expired; who, which course, which institution, when. Nothing else about the learner. Dashes in the code are optional.',
  })
  @ApiOkResponse({ type: VerificationView })
  verify(@Param('code') code: string, @Req() request: FastifyRequest): Promise<VerificationView> {
    this.checkLimit(request);
    return this.verification.verify(code);
  }

  @Get('credential')
  @Public(PUBLIC_REASON)
  @ApiOperation({
    summary: "A certificate's signed credential",
    description:
      'An Open Badges 3.0 credential as a VC-JWT (EdDSA) wrapped in a VCDM 2.0 EnvelopedVerifiableCredential, as a JSON download. Check it with /api/credentials/jwks and its status list.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: EnvelopedCredential })
  async credential(
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.checkLimit(request);
    const found = await this.verification.credential(code);
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="certificate-${formatCode(found.code)}.json"`)
      .header('cache-control', 'no-cache')
      .header('access-control-allow-origin', ANY_ORIGIN)
      .send(JSON.stringify(found.credential, null, 2));
  }

  @Get('pdf')
  @Public(PUBLIC_REASON)
  @ApiOperation({ summary: "A certificate's PDF", description: 'As a download.' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.', schema: { type: 'string', format: 'binary' } })
  async pdf(
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.checkLimit(request);
    const found = await this.verification.pdf(code);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="certificate-${formatCode(found.code)}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache')
      .send(found.pdf);
  }

  private checkLimit(request: FastifyRequest): void {
    const taken = this.limit.take(request.ip);
    if (taken.allowed) return;
    throw new ProblemException({
      status: 429,
      type: ProblemType.TooManyRequests,
      detail: `Too many certificate checks from your address. Try again in ${taken.retryAfterSeconds} second(s).`,
      extensions: { retryAfterSeconds: taken.retryAfterSeconds },
    });
  }
}

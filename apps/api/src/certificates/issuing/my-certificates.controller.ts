import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { SignedIn } from '../../common/access/access-rule.js';
import { MyCertificateList } from './certificates.dto.js';
import { CertificatesService } from './certificates.service.js';

/** The signed-in learner's own certificates. */
@ApiTags('me')
@Controller('me/certificates')
export class MyCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'My certificates',
    description:
      'Newest first, pending ones included; with the share, download and LinkedIn links of issued ones.',
  })
  @ApiOkResponse({ type: MyCertificateList })
  list(@CurrentAuth() auth: AuthContext): Promise<MyCertificateList> {
    return this.certificates.mine(auth.userId);
  }
}

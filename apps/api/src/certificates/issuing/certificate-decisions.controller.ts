import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CertificateAdministration } from './certificate-administration.service.js';
import {
  CertificateAdminView,
  DeclineCertificateRequest,
  ReissueCertificateRequest,
  RevokeCertificateRequest,
} from './certificates.dto.js';

/** Decisions on one certificate, for its course institution's administrators (and platform admins). */
@ApiTags('certificates')
@ApiBadRequestResponse({ type: ProblemDetails })
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such certificate that you administer.' })
@Controller('studio/certificates/:id')
export class CertificateDecisionsController {
  constructor(private readonly administration: CertificateAdministration) {}

  @Post('approve')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Approve a held certificate',
    description: 'Signs and issues it now. Audited (certificate.approved).',
  })
  @ApiOkResponse({ type: CertificateAdminView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The certificate is not pending approval.' })
  approve(
    @UuidParam('id') id: string,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CertificateAdminView> {
    return this.administration.approve(id, auth, client);
  }

  @Post('decline')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({ summary: 'Decline a held certificate', description: 'Audited (certificate.declined).' })
  @ApiOkResponse({ type: CertificateAdminView })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The certificate is not pending approval.' })
  decline(
    @UuidParam('id') id: string,
    @Body() body: DeclineCertificateRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CertificateAdminView> {
    return this.administration.decline(id, body, auth, client);
  }

  @Post('revoke')
  @HttpCode(200)
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Revoke a certificate',
    description:
      'Its bit in the status list is set at once; the verification page says revoked (with the reason if public). Audited (certificate.revoked).',
  })
  @ApiOkResponse({ type: CertificateAdminView })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'Already revoked, superseded, or not issued.',
  })
  revoke(
    @UuidParam('id') id: string,
    @Body() body: RevokeCertificateRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CertificateAdminView> {
    return this.administration.revoke(id, body, auth, client);
  }

  @Post('reissue')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Re-issue a certificate with a corrected name',
    description:
      'Issues a new certificate (new code) and marks this one superseded; both stay verifiable. Audited (certificate.reissued).',
  })
  @ApiCreatedResponse({ type: CertificateAdminView, description: 'The new certificate.' })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The certificate is revoked, superseded, expired or not issued.',
  })
  reissue(
    @UuidParam('id') id: string,
    @Body() body: ReissueCertificateRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CertificateAdminView> {
    return this.administration.reissue(id, body, auth, client);
  }
}

import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InstitutionRole } from '../../accounts/membership.entity.js';
import type { AuthContext, ClientInfo } from '../../auth/auth-context.js';
import { Client, CurrentAuth } from '../../auth/current-auth.decorator.js';
import { Roles } from '../../common/access/access-rule.js';
import { ProblemDetails } from '../../common/problem/problem-details.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CertificateAdministration } from './certificate-administration.service.js';
import {
  CertificateAdminPage,
  CertificateAdminView,
  CertificateListQuery,
  EligibleLearnerList,
  EligibleQuery,
  IssueCertificateRequest,
} from './certificates.dto.js';

/** A course's certificates, for its institution's administrators (and platform admins). */
@ApiTags('certificates')
@ApiBadRequestResponse({ type: ProblemDetails })
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such course that you administer.' })
@Controller('studio/courses/:courseId/certificates')
export class CourseCertificatesController {
  constructor(private readonly administration: CertificateAdministration) {}

  @Get()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: "A course's certificates",
    description:
      'Newest first; filter by state (pending, issued, declined), status, and name, e-mail or code.',
  })
  @ApiOkResponse({ type: CertificateAdminPage })
  list(
    @UuidParam('courseId') courseId: string,
    @Query() query: CertificateListQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CertificateAdminPage> {
    return this.administration.list(courseId, query, auth);
  }

  @Get('eligible')
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Learners who could be given a certificate',
    description:
      "The course's enrolled learners, with when they completed it and their live certificate, if any.",
  })
  @ApiOkResponse({ type: EligibleLearnerList })
  eligible(
    @UuidParam('courseId') courseId: string,
    @Query() query: EligibleQuery,
    @CurrentAuth() auth: AuthContext,
  ): Promise<EligibleLearnerList> {
    return this.administration.eligible(courseId, query.q, auth);
  }

  @Post()
  @Roles(InstitutionRole.InstitutionAdmin)
  @ApiOperation({
    summary: 'Issue a certificate to one learner',
    description:
      'Signed at once, even when the course holds certificates for approval (the administrator approves by issuing). Audited (certificate.issued).',
  })
  @ApiCreatedResponse({ type: CertificateAdminView })
  @ApiNotFoundResponse({
    type: ProblemDetails,
    description: 'No such course, or the learner is not enrolled.',
  })
  @ApiConflictResponse({
    type: ProblemDetails,
    description: 'The learner already has a live certificate, or certificates are turned off for the course.',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'The learner has not completed the course.',
  })
  issue(
    @UuidParam('courseId') courseId: string,
    @Body() body: IssueCertificateRequest,
    @CurrentAuth() auth: AuthContext,
    @Client() client: ClientInfo,
  ): Promise<CertificateAdminView> {
    return this.administration.issueFor(courseId, body, auth, client);
  }
}

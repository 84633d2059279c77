import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module.js';
import { CertificateAdministration } from './issuing/certificate-administration.service.js';
import { CertificateDecisionsController } from './issuing/certificate-decisions.controller.js';
import { CertificatePdfs } from './issuing/certificate-pdfs.service.js';
import { CertificateSigner } from './issuing/certificate-signer.js';
import { CertificateStatusSummaries } from './issuing/certificate-status-summaries.service.js';
import { CertificatesService } from './issuing/certificates.service.js';
import { CompletionListener } from './issuing/completion-listener.js';
import { CourseCertificatesController } from './issuing/course-certificates.controller.js';
import { MyCertificatesController } from './issuing/my-certificates.controller.js';
import { CredentialsController } from './keys/credentials.controller.js';
import { IssuerKey } from './keys/issuer-key.entity.js';
import { IssuerKeys } from './keys/issuer-keys.service.js';
import { WellKnownJwks } from './keys/well-known-jwks.js';
import { StatusLists } from './status-list/status-lists.service.js';
import { CertificateTemplatesModule } from './templates/certificate-templates.module.js';
import { VerificationController, verifyLimitProvider } from './verification/verification.controller.js';
import { VerificationService } from './verification/verification.service.js';
import { RecentVerifications } from './verification/recent-verifications.js';

/** Issuer keys, issuing, revocation, the status list and public verification (issue 7, ADR 0017). */
@Module({
  imports: [TypeOrmModule.forFeature([IssuerKey]), CertificateTemplatesModule, FilesModule],
  controllers: [
    VerificationController,
    CredentialsController,
    MyCertificatesController,
    CourseCertificatesController,
    CertificateDecisionsController,
  ],
  providers: [
    IssuerKeys,
    WellKnownJwks,
    StatusLists,
    CertificateSigner,
    CertificatePdfs,
    CertificatesService,
    CertificateAdministration,
    CompletionListener,
    VerificationService,
    RecentVerifications,
    verifyLimitProvider,
    CertificateStatusSummaries,
  ],
  exports: [CertificatesService, CertificateStatusSummaries],
})
export class CertificatesModule {}

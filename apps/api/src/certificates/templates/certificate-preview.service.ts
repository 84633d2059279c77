import { Inject, Injectable } from '@nestjs/common';
import type { AuthContext } from '../../auth/auth-context.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { CertificatePdfService } from '../pdf/certificate-pdf.service.js';
import type { TemplateContent } from './certificate-template.js';
import { CertificateTemplatesService } from './certificate-templates.service.js';

/** A name with the diacritics that show whether the font covers them. */
export const SAMPLE_LEARNER_NAME = 'Ana María Pérez-Łukasiewicz';
export const SAMPLE_CODE = '0000000000000000';

/** A template drawn before it is saved, with a sample learner and the course's own facts. */
@Injectable()
export class CertificatePreviewService {
  private readonly publicUrl: string;

  constructor(
    private readonly templates: CertificateTemplatesService,
    private readonly pdf: CertificatePdfService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicUrl = config.PUBLIC_URL.replace(/\/$/, '');
    this.issuerName = config.CREDENTIAL_ISSUER_NAME;
  }

  private readonly issuerName: string;

  async preview(courseId: string, content: TemplateContent, auth: AuthContext): Promise<Buffer> {
    const course = await this.templates.checkedForPreview(courseId, content, auth);
    const today = new Date(new Date().toISOString().slice(0, 10));
    return this.pdf.render(
      {
        ...content,
        id: '00000000-0000-0000-0000-000000000000',
        courseId,
        version: 0,
        createdAt: today.toISOString(),
        createdBy: null,
      },
      {
        code: SAMPLE_CODE,
        verificationUrl: `${this.publicUrl}/verify/${SAMPLE_CODE}`,
        learnerName: SAMPLE_LEARNER_NAME,
        courseTitle: course.title,
        hours: course.hours,
        completedAt: today,
        issuedAt: today,
        expiresAt: null,
        cohortName: null,
        institutionName: course.institutionName,
        issuerName: this.issuerName,
      },
    );
  }
}

import { Module } from '@nestjs/common';
import { FilesModule } from '../../files/files.module.js';
import { CertificateImageCache } from '../pdf/certificate-images.js';
import { CertificatePdfService } from '../pdf/certificate-pdf.service.js';
import { CertificatePreviewService } from './certificate-preview.service.js';
import { CertificateSettingsService } from './certificate-settings.service.js';
import { CertificateTemplatesController } from './certificate-templates.controller.js';
import { CertificateTemplatesService } from './certificate-templates.service.js';
import { TemplateContentRules } from './template-content-rules.js';

/** Per-course certificate settings, versioned templates and the PDF renderer (issue 7). */
@Module({
  imports: [FilesModule],
  controllers: [CertificateTemplatesController],
  providers: [
    CertificateTemplatesService,
    CertificateSettingsService,
    CertificatePdfService,
    CertificateImageCache,
    TemplateContentRules,
    CertificatePreviewService,
  ],
  exports: [CertificateTemplatesService, CertificateSettingsService, CertificatePdfService],
})
export class CertificateTemplatesModule {}

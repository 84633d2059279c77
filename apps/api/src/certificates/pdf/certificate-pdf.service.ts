import { Injectable } from '@nestjs/common';
import type { CertificateTemplateView } from '../templates/certificate-template.js';
import { CertificateImageCache } from './certificate-images.js';
import type { CertificatePdfData } from './certificate-pdf-data.js';
import { renderCertificate } from './render-certificate.js';

export type { CertificatePdfData } from './certificate-pdf-data.js';

/** Certificates as PDF files: the template's design filled with what the certificate says. */
@Injectable()
export class CertificatePdfService {
  constructor(private readonly images: CertificateImageCache) {}

  async render(template: CertificateTemplateView, data: CertificatePdfData): Promise<Buffer> {
    return renderCertificate(template, data, await this.images.forTemplate(template));
  }
}

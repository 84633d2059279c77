import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { FILE_STORAGE, FileMissingError, type FileStorage } from '../../files/file-storage.js';
import { CertificatePdfService } from '../pdf/certificate-pdf.service.js';
import { CertificateTemplatesService } from '../templates/certificate-templates.service.js';
import { linksFor } from './certificate-links.js';
import type { CertificateRow } from './certificate-row.js';

const keyOf = (certificateId: string) => `certificates/${certificateId}.pdf`;

/**
 * Each issued certificate's PDF, rendered once from the template version it was issued with and
 * kept in file storage. Rendering is a pure function of the stored certificate, so a lost file is
 * simply drawn again, the same, when someone asks for it.
 */
@Injectable()
export class CertificatePdfs {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly templates: CertificateTemplatesService,
    private readonly renderer: CertificatePdfService,
  ) {}

  /** Renders and stores the PDF unless it is stored already. */
  async ensure(row: CertificateRow): Promise<void> {
    try {
      (await this.storage.get(keyOf(row.id))).destroy();
    } catch (error) {
      if (!(error instanceof FileMissingError)) throw error;
      await this.renderAndStore(row);
    }
  }

  /** The stored PDF, drawn again first when it is missing. */
  async open(row: CertificateRow): Promise<Readable | Buffer> {
    try {
      return await this.storage.get(keyOf(row.id));
    } catch (error) {
      if (!(error instanceof FileMissingError)) throw error;
      return this.renderAndStore(row);
    }
  }

  private async renderAndStore(row: CertificateRow): Promise<Buffer> {
    if (!row.issuedAt) throw new Error(`Certificate ${row.id} is not issued, so it has no PDF`);
    const template = await this.templates.find(row.templateId);
    const pdf = await this.renderer.render(template, {
      code: row.code,
      verificationUrl: linksFor(this.config, row.code).verificationUrl,
      learnerName: row.learnerName,
      courseTitle: row.courseTitle,
      hours: row.courseHours,
      completedAt: row.completedAt,
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      cohortName: row.cohortName,
      institutionName: row.institutionName,
      issuerName: this.config.CREDENTIAL_ISSUER_NAME,
    });
    const staged = join(this.storage.stagingDir, `certificate-${randomUUID()}.pdf`);
    try {
      await writeFile(staged, pdf, { flag: 'wx' });
      await this.storage.put(keyOf(row.id), {
        path: staged,
        byteSize: pdf.length,
        mediaType: 'application/pdf',
      });
    } finally {
      await rm(staged, { force: true });
    }
    return pdf;
  }
}

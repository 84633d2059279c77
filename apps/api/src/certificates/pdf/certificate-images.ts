import { Injectable } from '@nestjs/common';
import { buffer } from 'node:stream/consumers';
import { FilesService } from '../../files/files.service.js';
import type { CertificateTemplateView } from '../templates/certificate-template.js';
import type { CertificateImages } from './render-certificate.js';

const KEEP_MS = 60_000;
const MAX_ENTRIES = 24;

/**
 * The logos and signatures of templates, kept a minute: a batch draws the same few images a
 * thousand times. Stored files never change (a new image is a new id), so a cached copy is
 * never stale; the limit keeps the memory small.
 */
@Injectable()
export class CertificateImageCache {
  private readonly entries = new Map<string, { bytes: Buffer; until: number }>();

  constructor(private readonly files: FilesService) {}

  async forTemplate(template: CertificateTemplateView): Promise<CertificateImages> {
    const ids = [
      ...template.logoFileIds,
      ...template.signatories.flatMap((s) => (s.signatureFileId ? [s.signatureFileId] : [])),
    ];
    const images = new Map<string, Buffer>();
    for (const id of ids) {
      const bytes = await this.bytes(id);
      if (bytes) images.set(id, bytes);
    }
    return images;
  }

  /** The file's bytes, or null when it is gone (the certificate is drawn without it). */
  private async bytes(id: string): Promise<Buffer | null> {
    const now = Date.now();
    const cached = this.entries.get(id);
    if (cached && cached.until > now) return cached.bytes;
    let bytes: Buffer;
    try {
      const file = await this.files.find(id);
      bytes = await buffer(await this.files.open(file));
    } catch {
      return null;
    }
    this.entries.delete(id);
    this.entries.set(id, { bytes, until: now + KEEP_MS });
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(key);
    }
    return bytes;
  }
}

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import type { UnzipLimits } from '../package/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where packages live on local disk (ADR 0016): `<SCORM_DIR>/<packageId>/` holds the unpacked
 * files, `<SCORM_DIR>/.incoming/` the zips while they arrive. Both on one file system, so nothing
 * is copied between disks.
 */
@Injectable()
export class ScormStorage implements OnModuleInit {
  private readonly logger = new Logger('ScormStorage');
  readonly root: string;
  readonly stagingDir: string;
  readonly maxZipBytes: number;
  readonly unzipLimits: Pick<UnzipLimits, 'maxEntries' | 'maxTotalBytes'>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.SCORM_DIR ?? join(config.DATA_DIR, 'scorm'));
    this.stagingDir = join(this.root, '.incoming');
    this.maxZipBytes = config.SCORM_UPLOAD_MAX_BYTES;
    this.unzipLimits = {
      maxEntries: config.SCORM_MAX_ENTRIES,
      maxTotalBytes: config.SCORM_MAX_UNPACKED_BYTES,
    };
  }

  async onModuleInit(): Promise<void> {
    // Not emptied at start: replicas share the folder, and another one may be receiving a zip.
    await mkdir(this.stagingDir, { recursive: true });
    this.logger.log(`SCORM packages are kept on local disk at ${this.root}`);
  }

  /** The folder of a package; ids are UUIDs, so the path never leaves the root. */
  folderOf(packageId: string): string {
    if (!UUID.test(packageId)) throw new Error(`not a package id: ${packageId}`);
    return join(this.root, packageId);
  }
}

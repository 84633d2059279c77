import { Logger, type Provider } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';

/**
 * S3 when a bucket is configured; otherwise a folder on local disk (DATA_DIR/files by default).
 * The AWS SDK is loaded only for S3: it is several megabytes of heap a local install never uses.
 */
export async function storageFor(config: AppConfig): Promise<FileStorage> {
  if (config.S3_BUCKET) {
    const { S3Storage } = await import('./s3.storage.js');
    const logger = new Logger('Files');
    return new S3Storage(
      {
        bucket: config.S3_BUCKET,
        region: config.S3_REGION,
        endpoint: config.S3_ENDPOINT,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        prefix: config.S3_PREFIX,
        accessKeyId: config.S3_ACCESS_KEY_ID,
        secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      },
      (message) => logger.warn(message),
    );
  }
  return new LocalDiskStorage(config.FILE_STORAGE_DIR ?? join(config.DATA_DIR, 'files'));
}

export const fileStorageProvider: Provider = {
  provide: FILE_STORAGE,
  inject: [APP_CONFIG],
  useFactory: storageFor,
};

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext, ClientInfo } from '../auth/auth-context.js';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { AUTHOR_ROLES } from '../courses/course-scope.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';
import { assertRoleIn } from '../users/admin-scope.js';
import { FILE_STORAGE, FileMissingError, type FileStorage } from './file-storage.js';
import { StoredFileView } from './files.dto.js';
import { receiveUpload } from './receive-upload.js';
import { takeFilePart, type UploadBody } from './upload-body.js';
import { StoredFile } from './stored-file.entity.js';
import { cleanFileName, type UploadLimits } from './upload-rules.js';

const fileNotFound = (id: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `There is no file with id ${id}.`,
  });

/** What a course needs to know about a file it wants as its cover. */
export interface FileFacts {
  id: string;
  institutionId: string;
  mediaType: string;
}

/**
 * Uploads and serving. An upload is checked (type from content, size per type), stored, and only
 * then recorded; if recording fails the stored object is removed again. So a failed upload leaves
 * nothing behind: no row without bytes, no bytes without a row (the staging copy is always deleted).
 */
@Injectable()
export class FilesService implements OnModuleInit {
  private readonly logger = new Logger('Files');
  readonly limits: UploadLimits;
  private readonly uploadsPerHour: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly institutions: InstitutionsService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {
    this.limits = { imageBytes: config.UPLOAD_MAX_IMAGE_BYTES, pdfBytes: config.UPLOAD_MAX_PDF_BYTES };
    this.uploadsPerHour = config.UPLOADS_PER_HOUR;
  }

  async onModuleInit(): Promise<void> {
    await this.storage.init();
    this.logger.log(`Uploaded files are kept on ${this.storage.description}`);
  }

  /** The largest upload of any type: the multipart parser's own hard stop. */
  get hardLimitBytes(): number {
    return Math.max(this.limits.imageBytes, this.limits.pdfBytes) + 1;
  }

  /** Checks who may upload before a byte of the file is read, then receives it. */
  async upload(
    institutionId: string,
    body: UploadBody,
    auth: AuthContext,
    client: ClientInfo,
  ): Promise<StoredFileView> {
    assertRoleIn(auth, institutionId, AUTHOR_ROLES);
    await this.institutions.get(institutionId);
    const part = await takeFilePart(body, {
      limiter: this.limiter,
      userId: auth.userId,
      uploadsPerHour: this.uploadsPerHour,
      what: 'file',
    });
    const received = await receiveUpload(part.file, this.storage.stagingDir, this.limits);
    const id = randomUUID();
    const storageKey = `${institutionId}/${id}`;
    try {
      await this.storage.put(storageKey, received.staged);
    } finally {
      await rm(received.staged.path, { force: true });
    }
    try {
      return await this.db.transaction(async (tx) => {
        const saved = await tx.getRepository(StoredFile).save({
          id,
          institutionId,
          uploadedBy: auth.userId,
          mediaType: received.type.mediaType,
          byteSize: received.staged.byteSize,
          sha256: received.sha256,
          originalName: cleanFileName(part.filename),
          storageKey,
        });
        await this.audit.record(
          {
            action: 'file.uploaded',
            actor: { id: auth.userId, email: auth.email },
            target: { type: 'file', id },
            institutionId,
            client,
            details: { mediaType: saved.mediaType, byteSize: saved.byteSize, name: saved.originalName },
          },
          tx,
        );
        return StoredFileView.from(await tx.getRepository(StoredFile).findOneByOrFail({ id }));
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch((cleanup: unknown) => {
        this.logger.error(`Could not remove ${storageKey} after a failed upload: ${String(cleanup)}`);
      });
      throw error;
    }
  }

  /** The file's record, for serving; 404 for an unknown id. */
  async find(id: string): Promise<StoredFile> {
    const file = await this.db.getRepository(StoredFile).findOneBy({ id });
    if (!file) throw fileNotFound(id);
    return file;
  }

  /** The stored bytes; 404 (and an error in the log) when the storage has lost them. */
  async open(file: StoredFile): Promise<Readable> {
    try {
      return await this.storage.get(file.storageKey);
    } catch (error) {
      if (!(error instanceof FileMissingError)) throw error;
      this.logger.error(`File ${file.id} is recorded but missing from the storage (${file.storageKey})`);
      throw fileNotFound(file.id);
    }
  }

  /** For other modules (a course's cover): the file's owner and type, or null for an unknown id. */
  async facts(id: string): Promise<FileFacts | null> {
    const file = await this.db.getRepository(StoredFile).findOneBy({ id });
    return file ? { id: file.id, institutionId: file.institutionId, mediaType: file.mediaType } : null;
  }
}

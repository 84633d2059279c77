import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileMissingError, type FileStorage, type StagedFile } from './file-storage.js';

export interface S3Settings {
  bucket: string;
  region: string;
  /** For stores other than AWS (MinIO, Garage, Ceph, R2…). */
  endpoint?: string;
  forcePathStyle: boolean;
  prefix?: string;
  /** Both or neither; without them the SDK's default chain (AWS_* variables, instance role) applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);

/**
 * Files in a bucket of any S3-compatible store, for deployments with several API replicas or no
 * durable local disk. A PutObject is atomic (the object appears whole or not at all). Uploads are
 * staged in the system's temporary folder while they are checked.
 */
export class S3Storage implements FileStorage {
  readonly stagingDir = join(tmpdir(), 'archipelago-uploads');
  private readonly client: S3Client;

  constructor(
    private readonly settings: S3Settings,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // Checksums only where S3 requires them: many compatible stores do not understand the
      // newer trailing-checksum uploads, and we keep our own SHA-256 of every file.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get description(): string {
    const where = this.settings.endpoint ? ` at ${this.settings.endpoint}` : '';
    return `S3 bucket ${this.settings.bucket}${where}`;
  }

  async init(): Promise<void> {
    await mkdir(this.stagingDir, { recursive: true });
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
    } catch (error) {
      // Not fatal: the store may be briefly unreachable while the API starts; uploads will say so.
      this.warn(
        `Cannot reach ${this.description}: ${(error as Error).name}. Uploads will fail until it answers.`,
      );
    }
  }

  async put(key: string, file: StagedFile): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key),
        Body: createReadStream(file.path),
        ContentLength: file.byteSize,
        ContentType: file.mediaType,
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      if (!answer.Body) throw new FileMissingError(key);
      return answer.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new FileMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
    );
  }

  /** Closes the SDK's connection pool (tests; shutdown). */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    const prefix = this.settings.prefix ?? '';
    return prefix === '' || prefix.endsWith('/') ? `${prefix}${key}` : `${prefix}/${key}`;
  }
}

import type { Readable } from 'node:stream';

/** Injection token for the configured FileStorage. */
export const FILE_STORAGE = Symbol('FileStorage');

/** A complete file waiting on local disk to be stored: the storage takes it from there. */
export interface StagedFile {
  /** Its path on local disk (under `stagingDir`). */
  path: string;
  byteSize: number;
  mediaType: string;
}

/**
 * Where uploaded bytes live. Keys are chosen by the caller and never reused; storing is all or
 * nothing (a reader never sees half a file), so the database row can be written afterwards and
 * the object removed again if that fails.
 */
export interface FileStorage {
  /** For logs and the health of a deployment: "local disk at …" or "S3 bucket …". */
  readonly description: string;
  /** A folder on local disk where uploads are written while they arrive and are checked. */
  readonly stagingDir: string;
  /** Prepares the storage (creates folders); called once at start-up. */
  init(): Promise<void>;
  /** Stores a staged file under the key; the staged file may be moved or left for the caller to delete. */
  put(key: string, file: StagedFile): Promise<void>;
  /** The stored bytes as a stream; rejects with FileMissingError when nothing is stored under the key. */
  get(key: string): Promise<Readable>;
  /** Removes the object; does nothing when there is none. */
  delete(key: string): Promise<void>;
}

/** The database knows the file but the storage does not have it (lost, or deleted by hand). */
export class FileMissingError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under ${key}`);
  }
}

import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { FileMissingError, type FileStorage, type StagedFile } from './file-storage.js';

/**
 * Files in a folder on this machine: the default, for a single server. Staged uploads sit in a
 * hidden folder inside the same root, so storing is a rename on the same file system — atomic: a
 * reader sees the whole file or none of it, never a partly written one.
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;
  readonly stagingDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.stagingDir = join(this.root, '.incoming');
  }

  get description(): string {
    return `local disk at ${this.root}`;
  }

  async init(): Promise<void> {
    await mkdir(this.stagingDir, { recursive: true });
  }

  async put(key: string, file: StagedFile): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    await rename(file.path, target);
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new FileMissingError(key);
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are ours (institution/uuid), but a key must never lead outside the root all the same. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep) || key.startsWith('.'))
      throw new Error(`Unsafe storage key ${key}`);
    return path;
  }
}

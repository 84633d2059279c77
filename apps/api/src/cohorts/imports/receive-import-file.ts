import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { readUpload } from '../../files/upload-body.js';
import { fileTooLarge } from './import-problems.js';
import { emptyFile } from './import-refusals.js';

/** 100,000 people at ~200 bytes a line, with room to spare. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface ReceivedImportFile {
  content: Buffer;
  sha256: string;
}

/**
 * Takes the uploaded file in, counting and hashing it; one over MAX_IMPORT_BYTES is refused (413)
 * as soon as it shows, the rest of the body read and thrown away so that the client gets the
 * answer. The bytes are kept (at most the limit) to be stored with the import: any API process
 * may then read its rows.
 */
export function receiveImportFile(source: Readable & { truncated?: boolean }): Promise<ReceivedImportFile> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  return readUpload(source, {
    accept: async (chunk) => {
      bytes += chunk.length;
      if (bytes > MAX_IMPORT_BYTES) throw fileTooLarge(MAX_IMPORT_BYTES);
      hash.update(chunk);
      chunks.push(chunk);
    },
    finish: async () => {
      if (source.truncated) throw fileTooLarge(MAX_IMPORT_BYTES);
      if (bytes === 0) throw emptyFile();
      return { content: Buffer.concat(chunks, bytes), sha256: hash.digest('hex') };
    },
    discard: async () => {
      chunks.length = 0;
    },
  });
}

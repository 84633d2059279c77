import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { openStagingFile, type StagingFile } from '../../files/staging-file.js';
import { readUpload } from '../../files/upload-body.js';
import { readableSize } from '../../files/upload-rules.js';

export interface ReceivedZip {
  path: string;
  bytes: number;
  sha256: string;
}

/** Every zip starts with a local file header (or, empty, an end record): "PK\x03\x04" / "PK\x05\x06". */
const ZIP_SIGNATURES = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];

export const notAZip = () =>
  new ProblemException({
    status: 415,
    type: ProblemType.UnsupportedMediaType,
    detail: 'The file is not a zip. A SCORM package is uploaded as the .zip file its authoring tool exports.',
    errors: [{ field: 'file', message: 'file must be a zip', in: 'body' }],
  });

export const zipTooLarge = (limit: number) =>
  new ProblemException({
    status: 413,
    type: ProblemType.PayloadTooLarge,
    detail: `The zip is larger than ${readableSize(limit)}, the largest SCORM package accepted.`,
    errors: [{ field: 'file', message: `file must be at most ${readableSize(limit)}`, in: 'body' }],
    extensions: { limitBytes: limit },
  });

const emptyZip = () =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: 'The file is empty.',
    errors: [{ field: 'file', message: 'file must not be empty', in: 'body' }],
  });

/**
 * Streams an uploaded zip into the staging folder, counting and hashing it: nothing is held in
 * memory beyond the parser's chunks. Not a zip (415) or over `maxBytes` (413) is refused as soon
 * as it shows and the partial file deleted; the rest of the body is then read and thrown away, so
 * the client receives the answer instead of a reset connection (as receive-upload does for files).
 */
export function receiveZip(
  source: Readable & { truncated?: boolean },
  stagingDir: string,
  maxBytes: number,
): Promise<ReceivedZip> {
  const path = join(stagingDir, `${randomUUID()}.zip`);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let bytes = 0;
  let out: StagingFile | undefined;

  const open = async () => {
    const start = Buffer.concat(head);
    if (!ZIP_SIGNATURES.some((signature) => start.subarray(0, 4).equals(signature))) throw notAZip();
    out = openStagingFile(path);
    head.length = 0;
    await out.write(start);
  };
  const accept = async (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes) throw zipTooLarge(maxBytes);
    hash.update(chunk);
    if (out) return out.write(chunk);
    head.push(chunk);
    if (bytes >= 4) await open();
  };
  const finish = async (): Promise<ReceivedZip> => {
    if (bytes === 0) throw emptyZip();
    if (!out) await open();
    if (source.truncated) throw zipTooLarge(maxBytes);
    await out!.close();
    return { path, bytes, sha256: hash.digest('hex') };
  };

  return readUpload(source, {
    accept,
    finish,
    discard: async () => out?.discard(),
  });
}

import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import type { StagedFile } from './file-storage.js';
import { openStagingFile, type StagingFile } from './staging-file.js';
import { readUpload } from './upload-body.js';
import {
  limitFor,
  readableSize,
  sniff,
  SNIFF_BYTES,
  type AcceptedType,
  type UploadLimits,
} from './upload-rules.js';

export interface ReceivedUpload {
  staged: StagedFile;
  sha256: string;
  type: AcceptedType;
}

const ACCEPTED_LIST = 'PNG, JPEG, GIF or WebP images and PDF documents';

export function unsupportedType(detected: string | undefined): ProblemException {
  const what = detected
    ? `The file's content is ${detected}`
    : "The file's content is not a recognised image or PDF (SVG, HTML and other text files are not accepted)";
  const message = `file must be a ${ACCEPTED_LIST.replace(' and ', ' or a ')}`;
  return new ProblemException({
    status: 415,
    type: ProblemType.UnsupportedMediaType,
    detail: `${what}; only ${ACCEPTED_LIST} may be uploaded. The type is judged from the content, not the name.`,
    errors: [{ field: 'file', message, in: 'body' }],
    extensions: { detectedType: detected ?? null },
  });
}

export function tooLarge(type: AcceptedType, limit: number): ProblemException {
  const plural = type.kind === 'image' ? 'images' : 'PDF documents';
  return new ProblemException({
    status: 413,
    type: ProblemType.PayloadTooLarge,
    detail: `The file is a ${type.name} larger than ${readableSize(limit)}, the limit for ${plural}.`,
    errors: [{ field: 'file', message: `file must be at most ${readableSize(limit)}`, in: 'body' }],
    extensions: { mediaType: type.mediaType, limitBytes: limit },
  });
}

const emptyFile = () =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: 'The file is empty.',
    errors: [{ field: 'file', message: 'file must not be empty', in: 'body' }],
  });

/**
 * Writes an arriving upload to the staging folder while counting, hashing and — from its first
 * bytes — recognising it. A forbidden type (415) or a file over its type's limit (413) is refused
 * as soon as it shows, and the partial file is deleted (the rest of the body is read and thrown
 * away: `readUpload`).
 */
export function receiveUpload(
  source: Readable & { truncated?: boolean },
  stagingDir: string,
  limits: UploadLimits,
): Promise<ReceivedUpload> {
  const path = join(stagingDir, randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let byteSize = 0;
  let type: AcceptedType | undefined;
  let out: StagingFile | undefined;

  const recognise = async () => {
    const sniffed = await sniff(Buffer.concat(head));
    if (!sniffed.accepted) throw unsupportedType(sniffed.detected);
    type = sniffed.accepted;
    out = openStagingFile(path);
    for (const chunk of head) await out.write(chunk);
    head.length = 0;
  };
  const accept = async (chunk: Buffer) => {
    byteSize += chunk.length;
    hash.update(chunk);
    if (type && byteSize > limitFor(type.kind, limits)) throw tooLarge(type, limitFor(type.kind, limits));
    if (type) return out!.write(chunk);
    head.push(chunk);
    headBytes += chunk.length;
    if (headBytes >= SNIFF_BYTES) {
      await recognise();
      if (byteSize > limitFor(type!.kind, limits)) throw tooLarge(type!, limitFor(type!.kind, limits));
    }
  };
  const finish = async (): Promise<ReceivedUpload> => {
    if (byteSize === 0) throw emptyFile();
    if (!type) await recognise();
    if (source.truncated) throw tooLarge(type!, limitFor(type!.kind, limits));
    await out!.close();
    return {
      staged: { path, byteSize, mediaType: type!.mediaType },
      sha256: hash.digest('hex'),
      type: type!,
    };
  };

  return readUpload(source, {
    accept,
    finish,
    discard: async () => out?.discard(),
  });
}

import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Writable, type Readable } from 'node:stream';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.service.js';

/** The request body of an upload: read lazily, after the caller's right to upload is checked. */
export interface UploadBody {
  multipart: boolean;
  /** Reads the multipart body up to the file part. */
  nextFile: () => Promise<MultipartFile | undefined>;
}

/**
 * The request's body as an upload of one file part. `fileSize` is the multipart parser's hard
 * stop for that part: the caller's own limit plus one byte, so that "over the limit" can be told.
 */
export function uploadBodyOf(request: FastifyRequest, fileSize: number): UploadBody {
  const limits = { fileSize, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 };
  return { multipart: request.isMultipart(), nextFile: () => request.file({ limits }) };
}

/** A multipart body that cannot be read (cut short, no boundary, a broken part header). */
export const malformedUpload = (error: Error) =>
  new ProblemException({
    status: 400,
    type: ProblemType.BadRequest,
    detail: `The multipart/form-data body could not be read (${error.message}). Send one part named file.`,
  });

const notMultipart = (what: string) =>
  new ProblemException({
    status: 415,
    type: ProblemType.UnsupportedMediaType,
    detail: `Send the ${what} as multipart/form-data, in a part named file.`,
  });

const missingFilePart = (what: string) =>
  new ProblemException({
    status: 422,
    type: ProblemType.ValidationFailed,
    detail: `Send the ${what} as multipart/form-data in a part named file.`,
    errors: [{ field: 'file', message: 'file is required', in: 'body' }],
  });

export interface FilePartRules {
  limiter: RateLimiter;
  userId: string;
  uploadsPerHour: number;
  /** What is uploaded, for the problems' wording: "file", "package". */
  what: string;
}

/**
 * The upload's `file` part, once the body is multipart and the uploader is within the hourly
 * budget every upload shares — counted before a byte is stored, so that a flood costs neither
 * disk nor bandwidth to the store.
 */
export async function takeFilePart(body: UploadBody, rules: FilePartRules): Promise<MultipartFile> {
  if (!body.multipart) throw notMultipart(rules.what);
  await rules.limiter.consume({
    key: `upload:user:${rules.userId}`,
    max: rules.uploadsPerHour,
    windowSeconds: 3600,
  });
  let part: MultipartFile | undefined;
  try {
    part = await body.nextFile();
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    throw malformedUpload(error as Error);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw missingFilePart(rules.what);
  }
  return part;
}

/** How an upload's bytes are taken in: each chunk, the end, and what a refusal leaves to undo. */
export interface UploadSteps<T> {
  /** Takes one chunk; rejects (with a problem) to refuse the upload. */
  accept(chunk: Buffer): Promise<void>;
  /** The whole body has arrived: checks it and answers what was received. */
  finish(): Promise<T>;
  /** The upload was refused: stops writing and removes what was written. */
  discard(): Promise<void>;
}

/**
 * Reads an upload to its end through `steps`. Once it is refused, the rest of the body is read and
 * thrown away rather than cut off, so that the client still receives the answer: a connection
 * closed mid-upload reaches browsers as a network error, not as the problem that explains it. (The
 * multipart parser stops passing bytes on at its own hard limit, so discarding is bounded.)
 */
export function readUpload<T>(source: Readable, steps: UploadSteps<T>): Promise<T> {
  let failed = false;
  return new Promise<T>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      void steps.discard().finally(() => reject(error));
    };
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (failed) return done();
        steps.accept(chunk).then(
          () => done(),
          (error: unknown) => {
            fail(error);
            done();
          },
        );
      },
      final(done) {
        if (failed) return done();
        steps.finish().then(resolve, fail);
        done();
      },
    });
    // The client went away or sent a broken multipart body: nothing to keep.
    source.once('error', (error: Error) => fail(malformedUpload(error)));
    source.pipe(sink);
  });
}

import { Transform, type TransformCallback } from 'node:stream';
import { describeBytes, type UnzipLimits } from './unzip-limits.js';
import { UnzipError } from './unzip-problem.js';

/** Bytes written so far by the whole extraction, shared by every entry's meter. */
export interface ExtractionTally {
  totalBytes: number;
}

/**
 * Counts the bytes an entry really inflates to and stops the stream as soon as a limit is passed:
 * headers are written by whoever made the zip, so a bomb can declare a few bytes and inflate to
 * gigabytes. The counts here are the only ones trusted.
 */
export class InflateMeter extends Transform {
  bytes = 0;
  private readonly ratioLimit: number;

  constructor(
    private readonly entryName: string,
    compressedSize: number,
    private readonly limits: UnzipLimits,
    private readonly tally: ExtractionTally,
  ) {
    super();
    this.ratioLimit = Math.max(limits.ratioAllowanceBytes, compressedSize * limits.maxCompressionRatio);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.tally.totalBytes += chunk.length;
    if (this.tally.totalBytes > this.limits.maxTotalBytes) {
      callback(
        new UnzipError(
          'too-large',
          `The package unpacks to more than ${describeBytes(this.limits.maxTotalBytes)}, the most allowed.`,
          this.entryName,
        ),
      );
      return;
    }
    if (this.bytes > this.ratioLimit) {
      callback(
        new UnzipError(
          'zip-bomb',
          `The file "${this.entryName}" expands to more than ${this.limits.maxCompressionRatio} times its ` +
            'compressed size, as zip bombs do, so the package was refused.',
          this.entryName,
        ),
      );
      return;
    }
    callback(null, chunk);
  }
}

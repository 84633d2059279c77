import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

/** An upload being written to the staging folder, chunk by chunk, with back-pressure. */
export interface StagingFile {
  write(chunk: Buffer): Promise<void>;
  /** Flushes and closes the file; rejects if it could not be written. */
  close(): Promise<void>;
  /** Stops writing and deletes what was written. */
  discard(): Promise<void>;
}

/** Creates the file (never an existing one: `wx`). */
export function openStagingFile(path: string): StagingFile {
  const out = createWriteStream(path, { flags: 'wx' });
  // Errors surface through the awaited writes and close below; this keeps a late one from crashing.
  out.on('error', () => undefined);
  return {
    async write(chunk) {
      // A file that failed (a full disk, a missing folder) is destroyed: writing on would drop the
      // chunk without a word, and its 'drain' and 'finish' would never come.
      if (out.destroyed) throw out.errored ?? new Error('The staging file was closed.');
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async close() {
      out.end();
      await finished(out);
    },
    async discard() {
      out.destroy();
      await rm(path, { force: true });
    },
  };
}

import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { UnzipError } from './unzip-problem.js';

/**
 * Opens a zip for reading one entry at a time. Names are left undecoded (`decodeStrings: false`)
 * so that this module, not yauzl, decides which names are unsafe and says why in a trainer's words;
 * `validateEntrySizes` stays on so that an entry inflating past its declared size errors at once.
 */
export function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error)
          reject(new UnzipError('not-a-zip', `The file is not a readable zip archive (${error.message}).`));
        else {
          // yauzl can emit 'error' between two reads, when no nextEntry is listening; an emitter
          // without a listener would throw it out of the process. nextEntry reports the errors.
          zip.on('error', () => undefined);
          resolve(zip);
        }
      },
    );
  });
}

/** The next entry, or null at the end; the zip's errors become rejections instead of crashes. */
export function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => (done(), resolve(entry));
    const onEnd = () => (done(), resolve(null));
    const onError = (error: Error) => (
      done(),
      reject(new UnzipError('not-a-zip', `The zip's table of contents is damaged (${error.message}).`))
    );
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** The entry's name as its maker meant it: UTF-8 when flagged (or in a Unicode path field), else CP437. */
export function entryName(entry: Entry): string {
  // strictFileNames keeps backslashes as they are, so that entryPath can refuse them.
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

export function openEntryStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}

/** yauzl's and zlib's stream errors, said for a trainer; our own UnzipErrors pass through. */
export function streamProblem(error: unknown, name: string): UnzipError {
  if (error instanceof UnzipError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/too many bytes|not enough bytes/i.test(message)) {
    return new UnzipError(
      'entry-size-mismatch',
      `The file "${name}" does not have the size the zip declares for it; the zip is damaged or forged.`,
      name,
    );
  }
  return new UnzipError('corrupt-entry', `The file "${name}" in the zip cannot be read (${message}).`, name);
}

/** Why a package's zip was refused; codes are stable for clients, details are read by trainers. */
export type UnzipProblemCode =
  | 'not-a-zip'
  | 'unsafe-path'
  | 'symlink'
  | 'encrypted-entry'
  | 'duplicate-entry'
  | 'too-many-entries'
  | 'too-large'
  | 'zip-bomb'
  | 'entry-size-mismatch'
  | 'corrupt-entry'
  | 'target-not-empty';

export class UnzipError extends Error {
  constructor(
    readonly code: UnzipProblemCode,
    readonly detail: string,
    /** The entry's name as stored in the zip, when one entry is at fault. */
    readonly entry: string | null = null,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'UnzipError';
  }
}

/** A problem in a content source, with the file (and line, when known) it comes from. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, message: string) {
    super(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.name = 'ContentError';
    this.file = file;
    this.line = line;
  }
}

import yazl from 'yazl';

export interface ZipFileSpec {
  name: string;
  data: Buffer | string;
  mode?: number;
}

/** A zip built in memory by yazl, which refuses unsafe names itself: malicious ones are patched in. */
export async function buildZip(files: readonly ZipFileSpec[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) {
    const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
    zip.addBuffer(data, file.name, file.mode === undefined ? {} : { mode: file.mode });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeUnzip, UnzipError, type UnzipProblemCode } from '../src/scorm/package/index.js';
import { buildZip } from './scorm-zips.js';

/** Renames an entry in both the local header and the central directory (names of equal length). */
function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const source = Buffer.from(from);
  const patched = Buffer.from(zip);
  let found = 0;
  for (let at = patched.indexOf(source); at !== -1; at = patched.indexOf(source, at + 1)) {
    Buffer.from(to).copy(patched, at);
    found += 1;
  }
  expect(found).toBe(2);
  return patched;
}

/** Makes every header declare `size` uncompressed bytes, as a forged zip bomb would. */
function understateSizes(zip: Buffer, size: number): Buffer {
  const patched = Buffer.from(zip);
  let patchedHeaders = 0;
  for (let at = 0; at < patched.length - 4; at += 1) {
    const signature = patched.readUInt32LE(at);
    if (signature === 0x04034b50) {
      patched.writeUInt32LE(size, at + 22);
      patchedHeaders += 1;
    } else if (signature === 0x02014b50) {
      patched.writeUInt32LE(size, at + 24);
      patchedHeaders += 1;
    }
  }
  expect(patchedHeaders).toBe(2);
  return patched;
}

let work: string;
let target: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'scorm-unzip-'));
  target = await mkdtemp(join(work, 'target-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function writeZip(zip: Buffer): Promise<string> {
  const path = join(work, 'package.zip');
  await writeFile(path, zip);
  return path;
}

async function refusal(zip: Buffer, limits = {}): Promise<UnzipError> {
  const error = await safeUnzip(await writeZip(zip), target, limits).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UnzipError);
  // Whatever was written before the refusal is gone.
  expect(await readdir(target)).toEqual([]);
  return error as UnzipError;
}

function expectCode(error: UnzipError, code: UnzipProblemCode): void {
  expect(error.code).toBe(code);
  expect(error.detail.length).toBeGreaterThan(20);
}

describe('safe zip extraction: packages that are fine', () => {
  it('writes every file, creating folders, and lists paths and sizes', async () => {
    const zip = await buildZip([
      { name: 'imsmanifest.xml', data: '<manifest/>' },
      { name: 'shared/style.css', data: 'body{}' },
      { name: 'sco 1/pages/index.html', data: '<html></html>' },
      { name: 'blank.txt', data: Buffer.alloc(500_000, 32) },
    ]);
    const files = await safeUnzip(await writeZip(zip), target);
    expect(files).toEqual([
      { path: 'imsmanifest.xml', size: 11 },
      { path: 'shared/style.css', size: 6 },
      { path: 'sco 1/pages/index.html', size: 13 },
      { path: 'blank.txt', size: 500_000 },
    ]);
    expect(await readFile(join(target, 'sco 1/pages/index.html'), 'utf8')).toBe('<html></html>');
  });

  it('refuses a target folder that is not empty', async () => {
    await writeFile(join(target, 'old.txt'), 'x');
    const zip = await buildZip([{ name: 'a.txt', data: 'a' }]);
    await expect(safeUnzip(await writeZip(zip), target)).rejects.toMatchObject({ code: 'target-not-empty' });
  });

  it('refuses a file that is not a zip', async () => {
    const error = await refusal(Buffer.from('this is not a zip at all, only text'));
    expectCode(error, 'not-a-zip');
  });
});

describe('safe zip extraction: malicious packages', () => {
  it('refuses a ../ traversal, after removing files already written', async () => {
    const zip = await buildZip([
      { name: 'imsmanifest.xml', data: '<manifest/>' },
      { name: 'xx/escape.txt', data: 'owned' },
    ]);
    const error = await refusal(renameEntry(zip, 'xx/escape.txt', '../escape.txt'));
    expectCode(error, 'unsafe-path');
    expect(error.entry).toBe('../escape.txt');
    expect(await readdir(work)).not.toContain('escape.txt');
  });

  it('refuses a traversal hidden inside a path', async () => {
    const zip = await buildZip([{ name: 'a/xx/xx/x.txt', data: 'x' }]);
    expectCode(await refusal(renameEntry(zip, 'a/xx/xx/x.txt', 'a/../../x.txt')), 'unsafe-path');
  });

  it('refuses an absolute path', async () => {
    const zip = await buildZip([{ name: 'tmp/evil.txt', data: 'x' }]);
    expectCode(await refusal(renameEntry(zip, 'tmp/evil.txt', '/tm/evil.txt')), 'unsafe-path');
  });

  it('refuses a drive letter', async () => {
    const zip = await buildZip([{ name: 'xxevil.txt', data: 'x' }]);
    expectCode(await refusal(renameEntry(zip, 'xxevil.txt', 'C:evil.txt')), 'unsafe-path');
  });

  it('refuses backslashes', async () => {
    const zip = await buildZip([{ name: 'xx/evil.txt', data: 'x' }]);
    const error = await refusal(renameEntry(zip, 'xx/evil.txt', '..\\evil.txt'));
    expectCode(error, 'unsafe-path');
    expect(error.detail).toContain('backslash');
  });

  it('refuses a symbolic link', async () => {
    const zip = await buildZip([
      { name: 'index.html', data: '<html></html>' },
      { name: 'passwd', data: '/etc/passwd', mode: 0o120777 },
    ]);
    const error = await refusal(zip);
    expectCode(error, 'symlink');
    expect(error.entry).toBe('passwd');
  });

  it('refuses a file written twice, which would replace the first one', async () => {
    const zip = await buildZip([
      { name: 'index.html', data: '<html>real</html>' },
      { name: 'index.html', data: '<html>swapped</html>' },
    ]);
    const error = await refusal(zip);
    expectCode(error, 'duplicate-entry');
    expect(error.entry).toBe('index.html');
  });

  it('refuses more entries than allowed', async () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, data: `${i}` }));
    expectCode(await refusal(await buildZip(files), { maxEntries: 10 }), 'too-many-entries');
  });

  it('refuses a package that unpacks to more than the total allowed, counting real bytes', async () => {
    const files = Array.from({ length: 4 }, (_, i) => ({
      name: `media/${i}.bin`,
      data: randomBytes(100_000),
    }));
    const error = await refusal(await buildZip(files), { maxTotalBytes: 250_000 });
    expectCode(error, 'too-large');
    expect(error.entry).toBe('media/2.bin');
  });

  it('refuses a zip bomb by its compression ratio', async () => {
    const zip = await buildZip([{ name: 'bomb.bin', data: Buffer.alloc(20 * 1024 ** 2) }]);
    // 20 MB of zeros compress to about 20 KB: a 1000:1 ratio, far past 200:1 plus the allowance.
    expect(zip.length).toBeLessThan(100_000);
    const error = await refusal(zip);
    expectCode(error, 'zip-bomb');
    expect(error.entry).toBe('bomb.bin');
  });

  it('stops a zip bomb whose headers understate its size', async () => {
    const zip = await buildZip([{ name: 'bomb.bin', data: Buffer.alloc(20 * 1024 ** 2) }]);
    // Both headers now claim 1 KB: a check of declared sizes would let it through.
    const error = await refusal(understateSizes(zip, 1024));
    expectCode(error, 'entry-size-mismatch');
    expect(error.entry).toBe('bomb.bin');
  });

  it('stops a forged bomb by its ratio even when the declared size would allow it', async () => {
    const zip = await buildZip([{ name: 'bomb.bin', data: Buffer.alloc(20 * 1024 ** 2) }]);
    // Declares 10 MB (less than the 20 MB it holds, more than the ratio allows): the meter's
    // count of inflated bytes, not yauzl's size check, is what stops it.
    const error = await refusal(understateSizes(zip, 10 * 1024 ** 2));
    expectCode(error, 'zip-bomb');
  });

  it('keeps small files that compress very well (the allowance)', async () => {
    const zip = await buildZip([{ name: 'spaces.css', data: Buffer.alloc(900_000, 32) }]);
    const files = await safeUnzip(await writeZip(zip), target);
    expect(files).toEqual([{ path: 'spaces.css', size: 900_000 }]);
  });
});

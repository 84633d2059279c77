/** Limits of one extraction; every one of them is counted while reading, never taken from headers. */
export interface UnzipLimits {
  /** Entries (files and folders); real packages hold a few thousand at most. */
  maxEntries: number;
  /** Bytes written to disk, all entries together. */
  maxTotalBytes: number;
  /** Inflated bytes per compressed byte of one entry, beyond `ratioAllowanceBytes`. */
  maxCompressionRatio: number;
  /**
   * Bytes any entry may inflate to whatever its ratio: small text files (blank CSS, padded JSON)
   * legitimately compress far beyond the ratio limit, and they cannot fill a disk.
   */
  ratioAllowanceBytes: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 200,
  ratioAllowanceBytes: 1024 ** 2,
};

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

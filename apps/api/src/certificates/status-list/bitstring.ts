import { gzipSync } from 'node:zlib';

/** Bitstring Status List v1.0: every list holds this many entries (16 KiB, the spec's minimum). */
export const STATUS_LIST_SIZE = 131072;

/** Which list an index belongs to (lists are numbered from 1) and its place within it. */
export const listOf = (statusIndex: number) => Math.floor(statusIndex / STATUS_LIST_SIZE) + 1;
export const positionIn = (statusIndex: number) => statusIndex % STATUS_LIST_SIZE;
export const firstIndexOf = (list: number) => (list - 1) * STATUS_LIST_SIZE;

/**
 * The list's `encodedList`: the bitstring GZIP-compressed, then multibase base64url (prefix `u`).
 * Bit order as the spec says: position 0 is the left-most (most significant) bit of the first byte.
 */
export function encodeStatusList(setPositions: Iterable<number>): string {
  const bits = Buffer.alloc(STATUS_LIST_SIZE / 8);
  for (const position of setPositions) {
    if (!Number.isInteger(position) || position < 0 || position >= STATUS_LIST_SIZE) {
      throw new RangeError(`Status list position ${position} is out of range`);
    }
    bits[position >> 3]! |= 0x80 >> (position & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** 16 characters, 80 random bits: unguessable, and short enough to type from a printed page. */
export function newCertificateCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 15; i >= 0; i -= 1) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** The stored form of a code as typed or printed (dashes, spaces, lower case); null if it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.replace(/[-\s]/g, '').toUpperCase();
  return CODE.test(code) ? code : null;
}

/** XXXX-XXXX-XXXX-XXXX, as printed and shown. */
export const formatCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

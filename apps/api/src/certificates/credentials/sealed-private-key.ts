import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';

/** Thrown when a sealed key cannot be opened: wrong secret, altered ciphertext or bad format. */
export class SealedKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedKeyError';
  }
}

const FORMAT_VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/** Decodes the environment's secret; it must be exactly 32 bytes of base64 (AES-256). */
function decodeSecret(secretBase64: string): Buffer {
  const secret = Buffer.from(secretBase64, 'base64');
  if (secret.length !== 32) {
    throw new SealedKeyError('The key-sealing secret must be 32 bytes encoded as base64');
  }
  return secret;
}

/**
 * Seals a private JWK with AES-256-GCM so the database only ever holds ciphertext. The kid is
 * bound as additional authenticated data: a sealed key copied onto another key's row fails to open.
 * Output: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export function sealPrivateKey(privateJwk: JWK, kid: string, secretBase64: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', decodeSecret(secretBase64), iv);
  cipher.setAAD(Buffer.from(kid, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(privateJwk), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT_VERSION, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Opens a sealed private key; any mismatch is a SealedKeyError, never a garbled key. */
export function openSealedPrivateKey(sealed: string, kid: string, secretBase64: string): JWK & { d: string } {
  const secret = decodeSecret(secretBase64);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT_VERSION) {
    throw new SealedKeyError('The sealed key is not in the expected v1 format');
  }
  const [, ivText, tagText, ciphertextText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new SealedKeyError('The sealed key is not in the expected v1 format');
  }
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, iv);
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertextText, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    // GCM gives one answer for both causes, on purpose: it cannot tell a wrong secret from tampering.
    throw new SealedKeyError('The sealed key could not be opened: wrong secret or altered data');
  }
  const jwk = JSON.parse(plaintext) as JWK;
  if (typeof jwk.d !== 'string') {
    throw new SealedKeyError('The sealed key does not contain a private key');
  }
  return jwk as JWK & { d: string };
}

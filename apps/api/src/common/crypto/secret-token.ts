import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets handed to people or browsers (session cookies, reset links, invitations, API tokens) are
 * random and stored only as their SHA-256: a leaked database does not let anyone use them. A fast
 * hash is right here, unlike for passwords, because the secret itself has 256 bits of entropy.
 */
export function newSecretToken(prefix = ''): { token: string; hash: Buffer } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

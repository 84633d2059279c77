import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** The public half of an issuer key as published to verifiers (RFC 8037 OKP / Ed25519). */
export interface IssuerPublicJwk extends JWK {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** An Ed25519 issuer key pair; `privateJwk` must never leave the process unsealed. */
export interface IssuerKeyPair {
  kid: string;
  publicJwk: IssuerPublicJwk;
  privateJwk: JWK & { d: string };
}

/**
 * Generates a fresh Ed25519 issuer key. The kid is the RFC 7638 thumbprint of the public key, so
 * it is derived from the key itself: two keys can never share a kid, and a verifier can recompute it.
 */
export async function generateIssuerKey(): Promise<IssuerKeyPair> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicParts = publicKey.export({ format: 'jwk' });
  const privateParts = privateKey.export({ format: 'jwk' });
  if (typeof publicParts.x !== 'string' || typeof privateParts.d !== 'string') {
    throw new Error('Ed25519 key export did not produce the expected JWK members');
  }
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: publicParts.x });
  const publicJwk: IssuerPublicJwk = {
    kty: 'OKP',
    crv: 'Ed25519',
    x: publicParts.x,
    kid,
    alg: 'EdDSA',
    use: 'sig',
  };
  return { kid, publicJwk, privateJwk: { ...publicJwk, d: privateParts.d } };
}

import { createPrivateKey } from 'node:crypto';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { IssuerJwks } from './issuer-jwks.js';
import type { OpenBadgeCredential } from './open-badge-credential.js';

/**
 * VC-JOSE-COSE media type for a credential secured as a JWT (ADR 0017). Older Open Badges 3.0
 * examples use plain "JWT"; both are accepted when verifying so those tokens are not refused.
 */
export const CREDENTIAL_JWT_TYP = 'vc+jwt';
const ACCEPTED_TYPS = new Set([CREDENTIAL_JWT_TYP, 'JWT']);

/** The signing key as opened from its sealed form. */
export interface SigningKey {
  kid: string;
  privateJwk: JWK & { d: string };
}

/**
 * Signs the credential as a compact JWS whose payload IS the credential (VCDM 2.0, no `vc`
 * wrapper), plus the registered claims verifiers built on plain JWT libraries look at:
 * iss = issuer.id, jti = id, nbf = validFrom, exp = validUntil.
 */
export async function signCredential(credential: OpenBadgeCredential, key: SigningKey): Promise<string> {
  const privateKey = createPrivateKey({ key: key.privateJwk, format: 'jwk' });
  const payload: JWTPayload & OpenBadgeCredential = {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
    ...(credential.validUntil ? { exp: Math.floor(Date.parse(credential.validUntil) / 1000) } : {}),
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: CREDENTIAL_JWT_TYP })
    .sign(privateKey);
}

export type CredentialCheck =
  | { valid: true; kid: string; credential: OpenBadgeCredential }
  | { valid: false; reason: CredentialInvalidReason; message: string };

export type CredentialInvalidReason = 'malformed' | 'unknown_key' | 'signature' | 'expired' | 'not_yet_valid';

const MESSAGES: Record<CredentialInvalidReason, string> = {
  malformed: 'The credential is not a well-formed signed credential.',
  unknown_key: 'The credential was signed with a key this issuer does not publish.',
  signature: 'The signature does not match the credential: it was altered or not signed by this issuer.',
  expired: 'The credential has expired.',
  not_yet_valid: 'The credential is not valid yet.',
};

function invalid(reason: CredentialInvalidReason): CredentialCheck {
  return { valid: false, reason, message: MESSAGES[reason] };
}

/**
 * Verifies a compact JWS against a published key set: the header's kid selects the key (current
 * or retired), EdDSA is the only algorithm allowed (no alg confusion), nbf/exp are checked.
 * Every failure is an answer with a reason, never a thrown error, so callers can show it.
 */
export async function verifyCredential(
  jws: string,
  jwks: IssuerJwks,
  now: Date = new Date(),
): Promise<CredentialCheck> {
  let kid: string;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== 'EdDSA' || typeof header.kid !== 'string' || !ACCEPTED_TYPS.has(String(header.typ))) {
      return invalid('malformed');
    }
    kid = header.kid;
  } catch {
    return invalid('malformed');
  }
  if (!jwks.keys.some((key) => key.kid === kid)) return invalid('unknown_key');
  try {
    const { payload } = await jwtVerify(jws, createLocalJWKSet(jwks), {
      algorithms: ['EdDSA'],
      currentDate: now,
    });
    const credential = payload as unknown as OpenBadgeCredential;
    if (!Array.isArray(credential.type) || !credential.type.includes('OpenBadgeCredential')) {
      return invalid('malformed');
    }
    return { valid: true, kid, credential };
  } catch (error) {
    return invalid(reasonFor(error));
  }
}

function reasonFor(error: unknown): CredentialInvalidReason {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') return 'not_yet_valid';
  // jose checks the signature before it parses the payload, so altered content lands above as
  // 'signature'; what remains is a token that is not a JWS/JWT at all.
  return 'malformed';
}

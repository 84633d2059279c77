import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { CREDENTIAL_JWT_TYP, type SigningKey } from '../credentials/credential-jwt.js';
import { VC_V2_CONTEXT } from '../credentials/open-badge-credential.js';
import type { IssuerIdentity } from '../keys/issuer-identity.js';

/** A BitstringStatusListCredential (Bitstring Status List v1.0) for revocation. */
export interface StatusListCredential {
  '@context': [typeof VC_V2_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: { id: string; type: ['Profile']; name: string; url: string };
  validFrom: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
}

export function buildStatusListCredential(
  url: string,
  issuer: IssuerIdentity,
  encodedList: string,
  validFrom: Date,
): StatusListCredential {
  return {
    '@context': [VC_V2_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: new Date(Math.floor(validFrom.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}

/** Signed the way the certificates are (VC-JWT, EdDSA, same key set), so one verifier checks both. */
export function signStatusListCredential(credential: StatusListCredential, key: SigningKey): Promise<string> {
  return new SignJWT({
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: CREDENTIAL_JWT_TYP })
    .sign(createPrivateKey({ key: key.privateJwk, format: 'jwk' }));
}

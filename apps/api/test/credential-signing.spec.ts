import { createPublicKey, randomBytes, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  CREDENTIAL_JWT_TYP,
  signCredential,
  verifyCredential,
} from '../src/certificates/credentials/credential-jwt.js';
import { buildIssuerJwks } from '../src/certificates/credentials/issuer-jwks.js';
import { generateIssuerKey, type IssuerPublicJwk } from '../src/certificates/credentials/issuer-key.js';
import {
  buildOpenBadgeCredential,
  OB_V3_CONTEXT,
  VC_V2_CONTEXT,
  type OpenBadgeCredentialInput,
} from '../src/certificates/credentials/open-badge-credential.js';
import {
  openSealedPrivateKey,
  SealedKeyError,
  sealPrivateKey,
} from '../src/certificates/credentials/sealed-private-key.js';

const secret = randomBytes(32).toString('base64');

function input(overrides: Partial<OpenBadgeCredentialInput> = {}): OpenBadgeCredentialInput {
  return {
    verificationUrl: 'https://learn.example.org/verify/Q7X2-9KMD-4TZP',
    issuer: {
      id: 'https://learn.example.org/issuer',
      name: 'Instituto Público de Formación',
      url: 'https://learn.example.org',
    },
    learnerName: 'José Ñúñez Çelik',
    achievement: {
      id: 'https://learn.example.org/courses/42/achievement',
      name: 'Procedimiento administrativo',
      description: 'Completed the course Procedimiento administrativo (20 hours).',
      criteriaNarrative: 'Complete every required activity of the course.',
    },
    validFrom: new Date('2026-11-01T09:30:00.123Z'),
    status: { statusListCredential: 'https://learn.example.org/status/1', statusListIndex: 1234 },
    ...overrides,
  };
}

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Re-encodes a token's payload after `change`, keeping the original header and signature. */
function withPayload(jws: string, change: (json: string) => string): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const changed = change(Buffer.from(payload, 'base64url').toString('utf8'));
  return [header, Buffer.from(changed, 'utf8').toString('base64url'), signature].join('.');
}

describe('OpenBadgeCredential shape', () => {
  it('uses the VCDM 2.0 and Open Badges 3.0 contexts, types and a revocation status entry', () => {
    const credential = buildOpenBadgeCredential(input({ validUntil: new Date('2028-11-01T00:00:00Z') }));
    expect(credential['@context']).toEqual([VC_V2_CONTEXT, OB_V3_CONTEXT]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe('https://learn.example.org/verify/Q7X2-9KMD-4TZP');
    expect(credential.issuer).toEqual({
      id: 'https://learn.example.org/issuer',
      type: ['Profile'],
      name: 'Instituto Público de Formación',
      url: 'https://learn.example.org',
    });
    expect(credential.validFrom).toBe('2026-11-01T09:30:00Z');
    expect(credential.validUntil).toBe('2028-11-01T00:00:00Z');
    expect(credential.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(credential.credentialSubject.name).toBe('José Ñúñez Çelik');
    // OB 3.0: a subject without an id must carry at least one identifier.
    expect(credential.credentialSubject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'José Ñúñez Çelik' },
    ]);
    expect(credential.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      criteria: { narrative: 'Complete every required activity of the course.' },
    });
    expect(credential.credentialStatus).toEqual({
      id: 'https://learn.example.org/status/1#1234',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '1234',
      statusListCredential: 'https://learn.example.org/status/1',
    });
  });

  it('refuses a negative status index and a validity period that ends before it starts', () => {
    expect(() =>
      buildOpenBadgeCredential(
        input({ status: { statusListCredential: 'https://x/s', statusListIndex: -1 } }),
      ),
    ).toThrow(RangeError);
    expect(() => buildOpenBadgeCredential(input({ validUntil: new Date('2020-01-01T00:00:00Z') }))).toThrow(
      RangeError,
    );
  });
});

describe('issuer keys', () => {
  it('derives the kid from the public key and publishes only public members', async () => {
    const key = await generateIssuerKey();
    expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: key.kid });
    const jwks = buildIssuerJwks([{ ...key.privateJwk } as IssuerPublicJwk, key.publicJwk]);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('seals and opens a private key, and refuses a wrong secret, another kid or altered data', async () => {
    const key = await generateIssuerKey();
    const sealed = sealPrivateKey(key.privateJwk, key.kid, secret);
    expect(sealed).not.toContain(key.privateJwk.d);
    expect(openSealedPrivateKey(sealed, key.kid, secret)).toEqual(key.privateJwk);

    expect(() => openSealedPrivateKey(sealed, key.kid, randomBytes(32).toString('base64'))).toThrow(
      SealedKeyError,
    );
    expect(() => openSealedPrivateKey(sealed, 'another-kid', secret)).toThrow(SealedKeyError);
    const parts = sealed.split('.');
    const ciphertext = Buffer.from(parts[3] as string, 'base64url');
    ciphertext[0] = (ciphertext[0] as number) ^ 1;
    const altered = [parts[0], parts[1], parts[2], ciphertext.toString('base64url')].join('.');
    expect(() => openSealedPrivateKey(altered, key.kid, secret)).toThrow(/wrong secret or altered data/);
    expect(() => openSealedPrivateKey('garbage', key.kid, secret)).toThrow(SealedKeyError);
    expect(() => sealPrivateKey(key.privateJwk, key.kid, 'c2hvcnQ=')).toThrow(/32 bytes/);
  });
});

describe('credential signing and verification', () => {
  it('signs a credential that verifies against the published key set', async () => {
    const key = await generateIssuerKey();
    const credential = buildOpenBadgeCredential(input());
    const jws = await signCredential(credential, key);

    const [header, payload] = jws.split('.') as [string, string];
    expect(decodeSegment(header)).toEqual({ alg: 'EdDSA', kid: key.kid, typ: CREDENTIAL_JWT_TYP });
    const claims = decodeSegment(payload);
    expect(claims).toMatchObject({
      iss: credential.issuer.id,
      jti: credential.id,
      nbf: Date.parse(credential.validFrom) / 1000,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    });
    expect(claims).not.toHaveProperty('vc');

    const result = await verifyCredential(
      jws,
      buildIssuerJwks([key.publicJwk]),
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(result).toMatchObject({ valid: true, kid: key.kid });
    if (result.valid) expect(result.credential.credentialSubject.name).toBe('José Ñúñez Çelik');
  });

  it('checks the signature independently of jose, with node:crypto and only the published JWK', async () => {
    const key = await generateIssuerKey();
    const jws = await signCredential(buildOpenBadgeCredential(input()), key);
    const published = buildIssuerJwks([key.publicJwk]).keys.find((k) => k.kid === key.kid) as IssuerPublicJwk;
    const publicKey = createPublicKey({
      key: { kty: published.kty, crv: published.crv, x: published.x },
      format: 'jwk',
    });

    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const signingInput = Buffer.from(`${header}.${payload}`, 'ascii');
    expect(nodeVerify(null, signingInput, publicKey, Buffer.from(signature, 'base64url'))).toBe(true);

    const tampered = withPayload(jws, (json) => json.replace('José', 'Josè'));
    const [tHeader, tPayload] = tampered.split('.') as [string, string];
    expect(
      nodeVerify(
        null,
        Buffer.from(`${tHeader}.${tPayload}`, 'ascii'),
        publicKey,
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(false);
  });

  it('reports one changed character in the payload as an invalid signature', async () => {
    const key = await generateIssuerKey();
    const jwks = buildIssuerJwks([key.publicJwk]);
    const jws = await signCredential(buildOpenBadgeCredential(input()), key);
    const now = new Date('2026-12-01T00:00:00Z');

    const renamed = withPayload(jws, (json) => json.replace('Ñúñez', 'Ñuñez'));
    expect(await verifyCredential(renamed, jwks, now)).toMatchObject({ valid: false, reason: 'signature' });

    // One character of the encoded payload itself, as an edited file would show it.
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const middle = Math.floor(payload.length / 2);
    const flipped = payload[middle] === 'A' ? 'B' : 'A';
    const edited = [header, payload.slice(0, middle) + flipped + payload.slice(middle + 1), signature].join(
      '.',
    );
    const result = await verifyCredential(edited, jwks, now);
    expect(result).toMatchObject({ valid: false, reason: 'signature' });
    if (!result.valid) expect(result.message).toMatch(/signature/i);
  });

  it('keeps credentials signed by a retired key verifiable while the key set publishes it', async () => {
    const retired = await generateIssuerKey();
    const current = await generateIssuerKey();
    const oldJws = await signCredential(buildOpenBadgeCredential(input()), retired);
    const newJws = await signCredential(buildOpenBadgeCredential(input()), current);
    const jwks = buildIssuerJwks([current.publicJwk, retired.publicJwk]);
    const now = new Date('2026-12-01T00:00:00Z');

    expect(await verifyCredential(oldJws, jwks, now)).toMatchObject({ valid: true, kid: retired.kid });
    expect(await verifyCredential(newJws, jwks, now)).toMatchObject({ valid: true, kid: current.kid });
  });

  it('refuses an unknown kid, a foreign signature under a known kid, and garbage', async () => {
    const ours = await generateIssuerKey();
    const stranger = await generateIssuerKey();
    const jwks = buildIssuerJwks([ours.publicJwk]);
    const now = new Date('2026-12-01T00:00:00Z');
    const credential = buildOpenBadgeCredential(input());

    const unknown = await signCredential(credential, stranger);
    expect(await verifyCredential(unknown, jwks, now)).toMatchObject({ valid: false, reason: 'unknown_key' });

    const impostor = await signCredential(credential, { kid: ours.kid, privateJwk: stranger.privateJwk });
    expect(await verifyCredential(impostor, jwks, now)).toMatchObject({ valid: false, reason: 'signature' });

    expect(await verifyCredential('not a token', jwks, now)).toMatchObject({
      valid: false,
      reason: 'malformed',
    });
    const [, payload, signature] = unknown.split('.') as [string, string, string];
    const noneHeader = Buffer.from(
      JSON.stringify({ alg: 'none', kid: ours.kid, typ: CREDENTIAL_JWT_TYP }),
    ).toString('base64url');
    expect(await verifyCredential(`${noneHeader}.${payload}.${signature}`, jwks, now)).toMatchObject({
      valid: false,
      reason: 'malformed',
    });
  });

  it('answers expired after validUntil and not yet valid before validFrom', async () => {
    const key = await generateIssuerKey();
    const jwks = buildIssuerJwks([key.publicJwk]);
    const jws = await signCredential(
      buildOpenBadgeCredential(input({ validUntil: new Date('2027-11-01T00:00:00Z') })),
      key,
    );

    expect(await verifyCredential(jws, jwks, new Date('2027-06-01T00:00:00Z'))).toMatchObject({
      valid: true,
    });
    expect(await verifyCredential(jws, jwks, new Date('2028-01-01T00:00:00Z'))).toMatchObject({
      valid: false,
      reason: 'expired',
    });
    expect(await verifyCredential(jws, jwks, new Date('2026-10-01T00:00:00Z'))).toMatchObject({
      valid: false,
      reason: 'not_yet_valid',
    });
  });
});

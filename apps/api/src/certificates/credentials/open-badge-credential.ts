/**
 * An Open Badges 3.0 OpenBadgeCredential in the W3C Verifiable Credentials Data Model 2.0 shape,
 * built from plain inputs. Only the members Archipelago issues are typed; the spec allows more.
 */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface IssuerProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url: string;
}

export interface Achievement {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string };
}

/**
 * How OB 3.0 names a recipient who has no id: an identifier of a given type. The learner is known
 * to a verifier by the name printed on the certificate, so the identifier is that name, in clear.
 */
export interface IdentityObject {
  type: 'IdentityObject';
  identityType: 'name';
  hashed: false;
  identityHash: string;
}

export interface AchievementSubject {
  type: ['AchievementSubject'];
  /** OB 3.0 requires an id or at least one identifier; wallets show `name`. */
  identifier?: [IdentityObject];
  name?: string;
  achievement: Achievement;
}

/** Revocation through a Bitstring Status List, so third parties see it without asking us. */
export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
}

export interface OpenBadgeCredential {
  '@context': [typeof VC_V2_CONTEXT, typeof OB_V3_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  issuer: IssuerProfile;
  validFrom: string;
  validUntil?: string;
  credentialSubject: AchievementSubject;
  credentialStatus: BitstringStatusListEntry;
}

export interface OpenBadgeCredentialInput {
  /** The public verification URL; it doubles as the credential id so the id resolves. */
  verificationUrl: string;
  issuer: { id: string; name: string; url: string };
  learnerName?: string;
  achievement: { id: string; name: string; description: string; criteriaNarrative: string };
  validFrom: Date;
  validUntil?: Date;
  status: { statusListCredential: string; statusListIndex: number };
}

/** Whole seconds: the JWT time claims carry seconds, so both representations agree exactly. */
function toXsdDateTime(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function buildOpenBadgeCredential(input: OpenBadgeCredentialInput): OpenBadgeCredential {
  if (!Number.isInteger(input.status.statusListIndex) || input.status.statusListIndex < 0) {
    throw new RangeError('statusListIndex must be a non-negative integer');
  }
  if (input.validUntil && input.validUntil.getTime() <= input.validFrom.getTime()) {
    throw new RangeError('validUntil must be after validFrom');
  }
  const index = String(input.status.statusListIndex);
  const subject: AchievementSubject = {
    type: ['AchievementSubject'],
    ...(input.learnerName === undefined
      ? {}
      : {
          identifier: [
            { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.learnerName },
          ],
          name: input.learnerName,
        }),
    achievement: {
      id: input.achievement.id,
      type: ['Achievement'],
      name: input.achievement.name,
      description: input.achievement.description,
      criteria: { narrative: input.achievement.criteriaNarrative },
    },
  };
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.verificationUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.achievement.name,
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name, url: input.issuer.url },
    validFrom: toXsdDateTime(input.validFrom),
    ...(input.validUntil ? { validUntil: toXsdDateTime(input.validUntil) } : {}),
    credentialSubject: subject,
    credentialStatus: {
      id: `${input.status.statusListCredential}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: index,
      statusListCredential: input.status.statusListCredential,
    },
  };
}

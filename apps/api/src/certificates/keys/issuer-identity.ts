import type { AppConfig } from '../../config/app-config.js';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../credentials/open-badge-credential.js';

/** The platform as a credential issuer: one identity for every certificate it signs. */
export interface IssuerIdentity {
  id: string;
  name: string;
  url: string;
}

const base = (config: AppConfig) => config.PUBLIC_URL.replace(/\/+$/, '');

export const publicBase = base;

export function issuerIdentity(config: AppConfig): IssuerIdentity {
  return {
    id: `${base(config)}/api/credentials/issuer`,
    name: config.CREDENTIAL_ISSUER_NAME,
    url: base(config),
  };
}

/** The Open Badges 3.0 Profile served at the issuer id, so the id in every credential resolves. */
export function issuerProfile(config: AppConfig) {
  const issuer = issuerIdentity(config);
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
  };
}

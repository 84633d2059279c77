import type { AppConfig } from '../../config/app-config.js';
import { publicBase } from '../keys/issuer-identity.js';

/** The public addresses of one certificate, from its code. */
export interface CertificateLinks {
  verificationUrl: string;
  credentialUrl: string;
  pdfUrl: string;
}

export function linksFor(config: AppConfig, code: string): CertificateLinks {
  const base = publicBase(config);
  return {
    verificationUrl: `${base}/verify/${code}`,
    credentialUrl: `${base}/api/verify/${code}/credential`,
    pdfUrl: `${base}/api/verify/${code}/pdf`,
  };
}

/**
 * LinkedIn's "add to profile" link for a certification (their documented URL parameters); the
 * verification address is the certificate's URL, so a recruiter clicking it lands on our check.
 */
export function linkedInUrl(input: {
  name: string;
  organizationName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  verificationUrl: string;
  code: string;
}): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: input.name,
    organizationName: input.organizationName,
    issueYear: String(input.issuedAt.getUTCFullYear()),
    issueMonth: String(input.issuedAt.getUTCMonth() + 1),
  });
  if (input.expiresAt) {
    params.set('expirationYear', String(input.expiresAt.getUTCFullYear()));
    params.set('expirationMonth', String(input.expiresAt.getUTCMonth() + 1));
  }
  params.set('certUrl', input.verificationUrl);
  params.set('certId', input.code);
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';

export type CertificateStatus = Schemas['CertificateStatus'];
export type VerificationView = Schemas['VerificationView'];
export type MyCertificate = Schemas['MyCertificate'];

export type Verification =
  { kind: 'found'; view: VerificationView } | { kind: 'unknown' } | { kind: 'rate-limited' };

/** The public verification of a code: unknown (404) and too many checks (429) are answers, not failures. */
export async function fetchVerification(code: string, signal: AbortSignal): Promise<Verification> {
  const { data, response } = await api.GET('/api/verify/{code}', { params: { path: { code } }, signal });
  // A code that cannot be one (400) is as unknown as a well-formed one nobody holds.
  if (response.status === 404 || response.status === 400) return { kind: 'unknown' };
  if (response.status === 429) return { kind: 'rate-limited' };
  if (data === undefined) throw new Error(`GET /api/verify/${code} failed with ${response.status}`);
  return { kind: 'found', view: data };
}

export async function fetchMyCertificates(signal: AbortSignal): Promise<MyCertificate[]> {
  const { data, response } = await api.GET('/api/me/certificates', { signal });
  if (data === undefined) throw new Error(`GET /api/me/certificates failed with ${response.status}`);
  return data.items;
}

export const certificatePaths = {
  verify: (code: string) => `/verify/${code}`,
  mine: '/learning/certificates',
};

/**
 * The API's own files (PDF, credential) at this origin: the API names them under its configured
 * public address, which is this origin in production but not behind a dev server or a test port.
 */
export function sameOriginPath(url: string): string {
  try {
    const { pathname, search } = new URL(url, window.location.origin);
    return `${pathname}${search}`;
  } catch {
    return url;
  }
}

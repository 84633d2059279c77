// The certificate routes the learner app calls, typed after the shared contract (issue 7).

export type CertificateStatus = 'valid' | 'revoked' | 'superseded' | 'expired';

export interface VerificationView {
  /** XXXX-XXXX-XXXX-XXXX */
  code: string;
  status: CertificateStatus;
  learnerName: string;
  courseTitle: string;
  institutionName: string;
  completedAt: string;
  issuedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  supersededAt: string | null;
  issuer: { name: string; url: string };
  credentialUrl: string;
  pdfUrl: string;
}

export interface MyCertificate {
  id: string;
  code: string | null;
  state: 'pending' | 'issued' | 'declined';
  status: CertificateStatus | null;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  issuedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  supersededAt: string | null;
  verificationUrl: string | null;
  credentialUrl: string | null;
  pdfUrl: string | null;
  linkedInUrl: string | null;
}

export type Verification =
  { kind: 'found'; view: VerificationView } | { kind: 'unknown' } | { kind: 'rate-limited' };

/** The public verification of a code: unknown (404) and too many checks (429) are answers, not failures. */
export async function fetchVerification(code: string, signal: AbortSignal): Promise<Verification> {
  const response = await fetch(`/api/verify/${encodeURIComponent(code)}`, {
    signal,
    headers: { accept: 'application/json' },
  });
  if (response.status === 404 || response.status === 400) return { kind: 'unknown' };
  if (response.status === 429) return { kind: 'rate-limited' };
  if (!response.ok) throw new Error(`GET /api/verify/${code} failed with ${response.status}`);
  return { kind: 'found', view: (await response.json()) as VerificationView };
}

export async function fetchMyCertificates(signal: AbortSignal): Promise<MyCertificate[]> {
  const response = await fetch('/api/me/certificates', {
    signal,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`GET /api/me/certificates failed with ${response.status}`);
  return ((await response.json()) as { items: MyCertificate[] }).items;
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

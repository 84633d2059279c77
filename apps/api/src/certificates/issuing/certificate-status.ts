/** What a verifier is told about an issued certificate. */
export type CertificateStatus = 'valid' | 'revoked' | 'superseded' | 'expired';
export type CertificateState = 'pending' | 'issued' | 'declined';
export const CERTIFICATE_STATUSES: CertificateStatus[] = ['valid', 'revoked', 'superseded', 'expired'];
export const CERTIFICATE_STATES: CertificateState[] = ['pending', 'issued', 'declined'];

interface StatusFields {
  revokedAt: Date | null;
  supersededAt: Date | null;
  expiresAt: Date | null;
}

/** Revocation outranks supersession, which outranks expiry: the strongest reason not to trust it. */
export function statusOf(row: StatusFields, now = new Date()): CertificateStatus {
  if (row.revokedAt) return 'revoked';
  if (row.supersededAt) return 'superseded';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** The same rule in SQL, for filtering lists by status (alias `c` for the certificate). */
export const STATUS_SQL = `CASE WHEN c.state <> 'issued' THEN NULL
  WHEN c.revoked_at IS NOT NULL THEN 'revoked'
  WHEN c.superseded_at IS NOT NULL THEN 'superseded'
  WHEN c.expires_at IS NOT NULL AND c.expires_at <= now() THEN 'expired'
  ELSE 'valid' END`;

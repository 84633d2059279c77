import type { AppConfig } from '../../config/app-config.js';
import { formatCode } from './certificate-code.js';
import { linkedInUrl, linksFor } from './certificate-links.js';
import type { CertificateRow } from './certificate-row.js';
import type { AdminCertificateRow, LearnerCertificateRow } from './certificate-sources.query.js';
import { statusOf } from './certificate-status.js';
import type { CertificateAdminView, MyCertificate } from './certificates.dto.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * What only an issued certificate has: a code to show, a status and public links. A pending or
 * declined one has a code in its row too, but it must not be shown: it would verify nothing.
 */
function issuedParts(row: CertificateRow, config: AppConfig, now: Date) {
  if (row.state !== 'issued') return { code: null, status: null, links: null };
  return { code: formatCode(row.code), status: statusOf(row, now), links: linksFor(config, row.code) };
}

export function adminView(
  row: AdminCertificateRow,
  config: AppConfig,
  now = new Date(),
): CertificateAdminView {
  const { code, status, links } = issuedParts(row, config, now);
  return {
    id: row.id,
    code,
    state: row.state,
    status,
    userId: row.userId,
    learnerName: row.learnerName,
    learnerEmail: row.learnerEmail,
    issuedAt: iso(row.issuedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    revocationReason: row.revocationReason,
    revocationReasonPublic: row.revocationReasonPublic,
    supersededAt: iso(row.supersededAt),
    supersededBy: row.supersededBy,
    issueSource: row.issueSource,
    issueReason: row.issueReason,
    issuedBy: row.issuedBy ? { id: row.issuedBy, name: row.issuedByName ?? '' } : null,
    declinedAt: iso(row.declinedAt),
    declineReason: row.declineReason,
    templateVersion: row.templateVersion,
    createdAt: row.createdAt.toISOString(),
    pdfUrl: links?.pdfUrl ?? null,
    verificationUrl: links?.verificationUrl ?? null,
  };
}

export function myView(row: LearnerCertificateRow, config: AppConfig, now = new Date()): MyCertificate {
  const { code, status, links } = issuedParts(row, config, now);
  return {
    id: row.id,
    code,
    state: row.state,
    status,
    courseId: row.courseId,
    courseSlug: row.courseSlug,
    courseTitle: row.courseTitle,
    issuedAt: iso(row.issuedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    supersededAt: iso(row.supersededAt),
    verificationUrl: links?.verificationUrl ?? null,
    credentialUrl: links?.credentialUrl ?? null,
    pdfUrl: links?.pdfUrl ?? null,
    linkedInUrl:
      links && code && row.issuedAt
        ? linkedInUrl({
            name: row.courseTitle,
            organizationName: row.institutionName,
            issuedAt: row.issuedAt,
            expiresAt: row.expiresAt,
            verificationUrl: links.verificationUrl,
            code,
          })
        : null,
  };
}

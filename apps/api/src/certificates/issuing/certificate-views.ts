import type { AppConfig } from '../../config/app-config.js';
import { formatCode } from './certificate-code.js';
import { linkedInUrl, linksFor } from './certificate-links.js';
import type { AdminCertificateRow, LearnerCertificateRow } from './certificate-sources.query.js';
import { statusOf } from './certificate-status.js';
import type { CertificateAdminView, MyCertificate } from './certificates.dto.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function adminView(
  row: AdminCertificateRow,
  config: AppConfig,
  now = new Date(),
): CertificateAdminView {
  const issued = row.state === 'issued';
  const links = issued ? linksFor(config, row.code) : null;
  return {
    id: row.id,
    code: issued ? formatCode(row.code) : null,
    state: row.state,
    status: issued ? statusOf(row, now) : null,
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
  const issued = row.state === 'issued' && row.issuedAt !== null;
  const links = issued ? linksFor(config, row.code) : null;
  return {
    id: row.id,
    code: issued ? formatCode(row.code) : null,
    state: row.state,
    status: issued ? statusOf(row, now) : null,
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
      links && row.issuedAt
        ? linkedInUrl({
            name: row.courseTitle,
            organizationName: row.institutionName,
            issuedAt: row.issuedAt,
            expiresAt: row.expiresAt,
            verificationUrl: links.verificationUrl,
            code: formatCode(row.code),
          })
        : null,
  };
}

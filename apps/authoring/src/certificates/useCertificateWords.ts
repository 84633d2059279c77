import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { BatchOutcome, BatchStatus, CertificateAdminView } from './certificateTypes';

/** Certificate states, statuses and batch outcomes in the reader's words. */
export function useCertificateWords() {
  const { t } = useTranslation();
  const format = useFormatters();
  const date = (iso: string) => format.date(iso, { dateStyle: 'medium' });
  return {
    date,
    dateTime: (iso: string) => format.date(iso, { dateStyle: 'medium', timeStyle: 'short' }),
    standing(certificate: CertificateAdminView): string {
      if (certificate.state !== 'issued') return t(`certificates.states.${certificate.state}`);
      switch (certificate.status) {
        case 'revoked':
          return certificate.revokedAt
            ? t('certificates.statusText.revokedOn', { date: date(certificate.revokedAt) })
            : t('certificates.statuses.revoked');
        case 'superseded':
          return certificate.supersededAt
            ? t('certificates.statusText.supersededOn', { date: date(certificate.supersededAt) })
            : t('certificates.statuses.superseded');
        case 'expired':
          return certificate.expiresAt
            ? t('certificates.statusText.expiredOn', { date: date(certificate.expiresAt) })
            : t('certificates.statuses.expired');
        default:
          return certificate.expiresAt
            ? t('certificates.statusText.validUntil', { date: date(certificate.expiresAt) })
            : t('certificates.statuses.valid');
      }
    },
    source(certificate: CertificateAdminView): string {
      if (certificate.issueSource === 'admin' && certificate.issuedBy)
        return t('certificates.sources.adminBy', { name: certificate.issuedBy.name });
      return t(`certificates.sources.${certificate.issueSource}`);
    },
    outcome: (outcome: BatchOutcome) => t(`certificates.outcomes.${outcome}`),
    batchStatus: (status: BatchStatus) => t(`certificates.batchStatuses.${status}`),
    number: (value: number) => format.number(value),
  };
}

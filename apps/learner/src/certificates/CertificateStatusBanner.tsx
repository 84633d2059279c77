import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { VerificationView } from './certificates-api';

/** The verdict first, in words (the colour and symbol only repeat it), with the date that matters. */
export function CertificateStatusBanner({ view }: { view: VerificationView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const date = (value: string | null) => (value ? format.date(value) : '');
  return (
    <section className={`certificate-banner certificate-banner--${view.status}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`certificates:verify.status.${view.status}`)}</h2>
      {view.status === 'valid' ? (
        <p>{t('certificates:verify.explain.valid', { issuer: view.issuer.name })}</p>
      ) : null}
      {view.status === 'revoked' ? (
        <>
          <p>{t('certificates:verify.explain.revoked', { date: date(view.revokedAt) })}</p>
          {view.revocationReason ? (
            <p>{t('certificates:verify.explain.revokedReason', { reason: view.revocationReason })}</p>
          ) : null}
        </>
      ) : null}
      {view.status === 'superseded' ? (
        <p>{t('certificates:verify.explain.superseded', { date: date(view.supersededAt) })}</p>
      ) : null}
      {view.status === 'expired' ? (
        <p>{t('certificates:verify.explain.expired', { date: date(view.expiresAt) })}</p>
      ) : null}
    </section>
  );
}

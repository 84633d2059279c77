import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { VerificationView } from './certificates-api';

/** What the certificate says, and nothing more about the learner than is printed on it. */
export function CertificateDetails({ view }: { view: VerificationView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const rows: [string, string][] = [
    [t('certificates:verify.learner'), view.learnerName],
    [t('certificates:verify.course'), view.courseTitle],
    [t('certificates:verify.institution'), view.institutionName],
    [t('certificates:verify.completed'), format.date(view.completedAt)],
    [t('certificates:verify.issued'), format.date(view.issuedAt)],
    [
      t('certificates:verify.expires'),
      view.expiresAt ? format.date(view.expiresAt) : t('certificates:verify.noExpiry'),
    ],
    [t('certificates:verify.issuer'), view.issuer.name],
    [t('certificates:verify.code'), view.code],
  ];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('certificates:verify.details')}</h2>
      <dl className="certificate-details">
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, buttonClassName, useAnnounce, useFormatters } from '@archipelago/ui';
import { certificatePaths, sameOriginPath, type MyCertificate } from './certificates-api';

/** One certificate of "My certificates": its state and, once issued, download and share actions. */
export function CertificateEntry({ certificate }: { certificate: MyCertificate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const course = (
    <span className="arch-visually-hidden">
      {' '}
      {t('certificates:mine.forCourse', { course: certificate.courseTitle })}
    </span>
  );
  return (
    <li>
      <h2>{certificate.courseTitle}</h2>
      {certificate.state === 'pending' ? (
        <>
          <p>
            <strong>{t('certificates:mine.state.pending')}</strong>
          </p>
          <p>{t('certificates:mine.pendingBody')}</p>
        </>
      ) : null}
      {certificate.state === 'declined' ? (
        <>
          <p>
            <strong>{t('certificates:mine.state.declined')}</strong>
          </p>
          <p>{t('certificates:mine.declinedBody')}</p>
        </>
      ) : null}
      {certificate.state === 'issued' ? (
        <>
          <dl className="certificate-details">
            <dt>{t('certificates:mine.status')}</dt>
            <dd>{certificate.status ? t(`certificates:verify.status.${certificate.status}`) : null}</dd>
            <dt>{t('certificates:mine.issued')}</dt>
            <dd>{certificate.issuedAt ? format.date(certificate.issuedAt) : null}</dd>
            <dt>{t('certificates:mine.expires')}</dt>
            <dd>
              {certificate.expiresAt ? format.date(certificate.expiresAt) : t('certificates:mine.noExpiry')}
            </dd>
            {certificate.code ? (
              <>
                <dt>{t('certificates:mine.code')}</dt>
                <dd>{formatCode(certificate.code)}</dd>
              </>
            ) : null}
          </dl>
          <div className="arch-actions">
            {certificate.pdfUrl ? (
              <a className={buttonClassName()} href={sameOriginPath(certificate.pdfUrl)} download>
                {t('certificates:mine.downloadPdf')}
                {course}
              </a>
            ) : null}
            {certificate.credentialUrl ? (
              <a
                className={buttonClassName('secondary')}
                href={sameOriginPath(certificate.credentialUrl)}
                download
              >
                {t('certificates:mine.downloadJson')}
                {course}
              </a>
            ) : null}
            {certificate.verificationUrl ? (
              <CopyShareLink url={certificate.verificationUrl} course={course} />
            ) : null}
            {certificate.linkedInUrl ? (
              <a
                className={buttonClassName('secondary')}
                href={certificate.linkedInUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('certificates:mine.linkedIn')}
                <span className="arch-visually-hidden"> {t('certificates:mine.opensLinkedIn')}</span>
              </a>
            ) : null}
          </div>
          {certificate.code ? (
            <p>
              <Link to={certificatePaths.verify(certificate.code)}>
                {t('certificates:mine.open')}
                {course}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function CopyShareLink({ url, course }: { url: string; course: ReactNode }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [message, setMessage] = useState('');
  const copy = async () => {
    let said: string;
    try {
      await navigator.clipboard.writeText(url);
      said = t('certificates:mine.copied');
    } catch {
      // No clipboard (insecure context, refused permission): the URL itself is the fallback.
      said = t('certificates:mine.copyFailed', { url });
    }
    setMessage(said);
    // The shared live region reads it out; the text beside the button shows it.
    announce(said);
  };
  return (
    <>
      <Button variant="secondary" onClick={() => void copy()}>
        {t('certificates:mine.copyLink')}
        {course}
      </Button>
      {message ? <span className="certificate-copied">{message}</span> : null}
    </>
  );
}

/** XXXX-XXXX-XXXX-XXXX, as printed on the certificate. */
export function formatCode(code: string): string {
  return code.includes('-') ? code : (code.match(/.{1,4}/g) ?? [code]).join('-');
}

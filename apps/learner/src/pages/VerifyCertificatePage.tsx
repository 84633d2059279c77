import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, buttonClassName, Page, Skeleton } from '@archipelago/ui';
import { LoadFailed } from '../account/LoadFailed';
import { CertificateStatusBanner } from '../certificates/CertificateStatusBanner';
import { CertificateDetails } from '../certificates/CertificateDetails';
import { CredentialFileCheck } from '../certificates/CredentialFileCheck';
import { fetchVerification, sameOriginPath, type VerificationView } from '../certificates/certificates-api';
import { useResource } from '../learning/useResource';
import NotFoundRoute from './NotFoundRoute';
import '../certificates/certificates.css';

/** The public page a certificate's QR code opens: anyone, signed in or not, sees whether it is genuine. */
export default function VerifyCertificatePage() {
  const { code = '' } = useParams();
  return <Verification key={code} code={code} />;
}

function Verification({ code }: { code: string }) {
  const { t } = useTranslation();
  const { state, retry } = useResource(`verify|${code}`, (signal) => fetchVerification(code, signal));
  if (state.status === 'loading') {
    return (
      <Page title={t('certificates:verify.documentTitle')}>
        <Skeleton lines={8} label={t('certificates:verify.loading')} />
      </Page>
    );
  }
  if (state.status !== 'ready') {
    return (
      <Page title={t('certificates:verify.documentTitle')}>
        <LoadFailed retry={retry} />
      </Page>
    );
  }
  const answer = state.data;
  // An unknown code gets exactly the app's "page not found": nothing says whether codes exist.
  if (answer.kind === 'unknown') return <NotFoundRoute />;
  if (answer.kind === 'rate-limited') return <RateLimited retry={retry} />;
  return <VerifiedCertificate view={answer.view} />;
}

function RateLimited({ retry }: { retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('certificates:verify.documentTitle')}>
      <Alert title={t('certificates:verify.rateLimitedTitle')} tone="info">
        <p>{t('certificates:verify.rateLimited')}</p>
        <Button onClick={retry}>{t('certificates:verify.tryAgain')}</Button>
      </Alert>
    </Page>
  );
}

function VerifiedCertificate({ view }: { view: VerificationView }) {
  const { t } = useTranslation();
  return (
    <Page
      title={t('certificates:verify.title', { code: view.code })}
      documentTitle={t('certificates:verify.documentTitle')}
    >
      <CertificateStatusBanner view={view} />
      <CertificateDetails view={view} />
      <div className="arch-actions">
        <a className={buttonClassName()} href={sameOriginPath(view.pdfUrl)} download>
          {t('certificates:verify.downloadPdf')}
        </a>
        <a className={buttonClassName('secondary')} href={sameOriginPath(view.credentialUrl)} download>
          {t('certificates:verify.downloadJson')}
        </a>
      </div>
      <CredentialFileCheck />
    </Page>
  );
}

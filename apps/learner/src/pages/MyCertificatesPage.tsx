import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, Page, Skeleton, useSession } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { LoadFailed } from '../account/LoadFailed';
import { CertificateEntry } from '../certificates/CertificateEntry';
import { fetchMyCertificates } from '../certificates/certificates-api';
import { useResource } from '../learning/useResource';
import '../certificates/certificates.css';

/** "My certificates": every certificate the learner holds or waits for, with ways to share it. */
export default function MyCertificatesPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <Page title={t('certificates:mine.title')}>
        <MyCertificates />
      </Page>
    </RequireSignIn>
  );
}

function MyCertificates() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { state, retry } = useResource(`certificates|${me?.user.id ?? ''}`, fetchMyCertificates);
  if (state.status === 'loading') return <Skeleton lines={6} label={t('certificates:mine.loading')} />;
  if (state.status !== 'ready') return <LoadFailed retry={retry} />;
  if (state.data.length === 0) {
    return (
      <>
        <p>{t('certificates:mine.empty')}</p>
        <Link className={buttonClassName('secondary')} to="/learning">
          {t('certificates:mine.toLearning')}
        </Link>
      </>
    );
  }
  return (
    <>
      <p>{t('certificates:mine.intro')}</p>
      <ul className="certificate-list">
        {state.data.map((certificate) => (
          <CertificateEntry key={certificate.id} certificate={certificate} />
        ))}
      </ul>
    </>
  );
}

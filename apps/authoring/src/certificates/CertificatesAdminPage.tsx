import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton, useSession } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { BatchSection } from './BatchSection';
import { mayAdministerCertificates } from './certificateAccess';
import { CertificateHeader } from './CertificateHeader';
import { CertificatesTable } from './CertificatesTable';
import { IssueOneAction } from './IssueOneAction';
import { useCertificatePlace } from './useCertificatePlace';
import './certificates.css';

/** /courses/:courseId/certificates — the course's certificates for its administrators. */
export default function CertificatesAdminPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { state, reload } = useCertificatePlace(courseId);
  const { me } = useSession();
  const place = state.status === 'ready' ? state.data : undefined;
  // A trainer who followed an old link: one plain sentence, not three sections of refusals.
  const admin = place !== undefined && mayAdministerCertificates(me, place.institutionId);
  // Issuing and batches change the list, which lives in its own section.
  const [refresh, setRefresh] = useState(0);
  const changed = useCallback(() => setRefresh((count) => count + 1), []);

  return (
    <Page
      title={
        place
          ? t('certificates.admin.pageTitle', { title: place.courseTitle })
          : t('certificates.sectionIssued')
      }
      documentTitle={t('certificates.sectionIssued')}
    >
      <CertificateHeader
        courseId={courseId}
        courseTitle={place?.courseTitle}
        institutionId={place?.institutionId}
        current={t('certificates.sectionIssued')}
      />
      {state.status === 'loading' ? <Skeleton lines={8} label={t('certificates.admin.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('certificates.admin.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {place && !admin ? (
        <Alert title={t('certificates.admin.notAdminTitle')} tone="info">
          <p>{t('certificates.admin.notAdmin')}</p>
        </Alert>
      ) : null}
      {place && admin ? (
        <>
          <p>{t('certificates.admin.intro')}</p>
          <div className="arch-actions">
            <IssueOneAction courseId={courseId} onIssued={changed} />
          </div>
          <CertificatesTable courseId={courseId} refresh={refresh} />
          <BatchSection courseId={courseId} onChanged={changed} />
        </>
      ) : null}
    </Page>
  );
}

import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Skeleton } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { BatchSection } from './BatchSection';
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
  const place = state.status === 'ready' ? state.data : undefined;
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
      {place ? (
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

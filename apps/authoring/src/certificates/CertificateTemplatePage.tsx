import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, Skeleton } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { CertificateHeader } from './CertificateHeader';
import { CertificateSettingsSection } from './CertificateSettingsForm';
import { getCertificateTemplate, listTemplateVersions } from './certificates-api';
import { TemplateEditor } from './TemplateEditor';
import { useCertificatePlace, type CertificatePlace } from './useCertificatePlace';
import { VersionHistory } from './VersionHistory';
import './certificates.css';

/** /courses/:courseId/certificate — whether and how the course gives certificates, and what they say. */
export default function CertificateTemplatePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { state, reload } = useCertificatePlace(courseId);
  const place = state.status === 'ready' ? state.data : undefined;
  return (
    <Page
      title={
        place
          ? t('certificates.template.pageTitle', { title: place.courseTitle })
          : t('certificates.sectionTemplate')
      }
      documentTitle={t('certificates.sectionTemplate')}
    >
      <CertificateHeader
        courseId={courseId}
        courseTitle={place?.courseTitle}
        institutionId={place?.institutionId}
        current={t('certificates.sectionTemplate')}
      />
      {state.status === 'loading' ? <Skeleton lines={10} label={t('certificates.template.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert
          title={t('certificates.template.loadFailed')}
          problem={state.problem}
          onRetry={reload}
        />
      ) : null}
      {place ? (
        <>
          <p>{t('certificates.template.intro')}</p>
          <CertificateSettingsSection courseId={courseId} />
          <TemplateSection place={place} />
        </>
      ) : null}
    </Page>
  );
}

function TemplateSection({ place }: { place: CertificatePlace }) {
  const { t } = useTranslation();
  const template = useApiData(`template:${place.courseId}`, (signal) =>
    getCertificateTemplate(place.courseId, signal),
  );
  const versions = useApiData(`versions:${place.courseId}`, (signal) =>
    listTemplateVersions(place.courseId, signal),
  );
  return (
    <div className="studio-section">
      {template.state.status === 'loading' ? (
        <Skeleton lines={8} label={t('certificates.template.loading')} />
      ) : null}
      {template.state.status === 'failed' ? (
        <ProblemAlert
          title={t('certificates.template.loadFailed')}
          problem={template.state.problem}
          onRetry={template.reload}
        />
      ) : null}
      {template.state.status === 'ready' ? (
        <TemplateEditor place={place} loaded={template.state.data} onSaved={versions.reload} />
      ) : null}
      <VersionHistory state={versions.state} reload={versions.reload} />
    </div>
  );
}

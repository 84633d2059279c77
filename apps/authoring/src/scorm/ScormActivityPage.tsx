import { useRef } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton } from '@archipelago/ui';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { PackageDetails } from './PackageDetails';
import { PackageHistory } from './PackageHistory';
import { PackageUploadForm } from './PackageUploadForm';
import { getScormDraft } from './scorm-api';
import { ScormHeader } from './ScormHeader';
import type { ScormDraftView } from './scormTypes';
import '../files/upload.css';
import './scorm.css';

/** /scorm/:activityId — the SCORM activity's current package, uploading or replacing it, and earlier uploads. */
export default function ScormActivityPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const { state, reload } = useApiData(activityId, (signal) => getScormDraft(activityId, signal));
  if (state.status === 'ready')
    return <ScormActivity activityId={activityId} draft={state.data} onChanged={reload} />;
  return (
    <Page title={t('scorm.page.loadingTitle')}>
      <ScormHeader activityId={activityId} />
      {state.status === 'loading' ? <Skeleton lines={8} label={t('scorm.page.loading')} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('scorm.page.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
    </Page>
  );
}

function ScormActivity({
  activityId,
  draft,
  onChanged,
}: {
  activityId: string;
  draft: ScormDraftView;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const currentHeading = useRef<HTMLHeadingElement>(null);
  const pkg = draft.package;
  const archived = draft.courseArchived;

  const uploaded = () => {
    onChanged();
    // The new package's details (and what the replacement kept) are read next: take the reader there.
    currentHeading.current?.focus();
  };

  return (
    <Page title={draft.title}>
      <ScormHeader
        activityId={activityId}
        courseId={draft.courseId}
        courseTitle={draft.courseTitle}
        activityTitle={draft.title}
      />
      {archived ? (
        <Alert tone="info" title={t('courses.archive.noticeTitle')}>
          <p>{t('courses.archive.noticeBody')}</p>
        </Alert>
      ) : null}
      <section className="studio-section" aria-labelledby="scorm-current-heading">
        <h2 id="scorm-current-heading" ref={currentHeading} tabIndex={-1}>
          {t('scorm.page.current')}
        </h2>
        {pkg ? <PackageDetails pkg={pkg} /> : <p>{t('scorm.page.noPackage')}</p>}
      </section>
      <section className="studio-section" aria-labelledby="scorm-upload-heading">
        <h2 id="scorm-upload-heading">{t(pkg ? 'scorm.page.replaceTitle' : 'scorm.page.uploadTitle')}</h2>
        <p>{t(pkg ? 'scorm.page.replaceIntro' : 'scorm.page.uploadIntro')}</p>
        <PackageUploadForm
          activityId={activityId}
          replacing={pkg !== null}
          disabled={archived}
          onUploaded={uploaded}
        />
      </section>
      <PackageHistory history={draft.history} />
    </Page>
  );
}

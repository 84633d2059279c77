import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton, useAnnounce } from '@archipelago/ui';
import { api } from '../../api';
import { useApiData } from '../../data/useApiData';
import { useSubmit } from '../../data/useSubmit';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { CourseDetail } from '../courseTypes';
import { PublishForm } from './PublishForm';
import { VersionsTable, type CourseVersion } from './VersionsTable';

export interface PublishingSectionProps {
  course: CourseDetail;
  onChange: (course: CourseDetail) => void;
  onReplace: (course: CourseDetail) => void;
}

/** Where the course stands (draft, or published as version N), publishing, unpublishing and the versions. */
export function PublishingSection({ course, onChange, onReplace }: PublishingSectionProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const unpublish = useSubmit();
  const { state, reload } = useApiData(course.id, (signal) =>
    api.GET('/api/studio/courses/{id}/versions', { params: { path: { id: course.id } }, signal }),
  );
  const versions: CourseVersion[] | undefined = state.status === 'ready' ? state.data.items : undefined;
  const latest = versions?.[0]?.number;

  // After a publish the new number is only known once the versions are read again.
  const announcePublished = useRef(false);
  useEffect(() => {
    if (!announcePublished.current || latest === undefined) return;
    announcePublished.current = false;
    announce(t('courses.publishing.published', { number: latest }));
  }, [latest, announce, t]);

  const published = (updated: CourseDetail) => {
    onChange(updated);
    announcePublished.current = true;
    reload();
  };

  const confirmUnpublish = async (close: () => void) => {
    const result = await unpublish.run(() =>
      api.POST('/api/studio/courses/{id}/unpublish', { params: { path: { id: course.id } } }),
    );
    if (result.ok && result.data) {
      close();
      onChange(result.data);
      announce(t('courses.publishing.unpublished'));
    }
  };

  let status: string;
  if (course.status === 'published' && latest !== undefined) {
    status = t('courses.publishing.statusPublished', { number: latest });
  } else if (course.status === 'archived') {
    status = t('courses.publishing.statusArchived');
  } else if (latest !== undefined) {
    status = t('courses.publishing.statusDraftWithVersions', { number: latest });
  } else {
    status = t('courses.publishing.statusDraft');
  }

  return (
    <section className="studio-section" aria-labelledby="course-publishing-heading">
      <h2 id="course-publishing-heading">{t('courses.publishing.title')}</h2>
      <p>{t('courses.publishing.intro')}</p>
      {state.status === 'loading' ? (
        <Skeleton lines={3} label={t('courses.publishing.loading')} />
      ) : state.status === 'failed' ? (
        <ProblemAlert
          title={t('courses.publishing.loadFailed')}
          problem={state.problem}
          onRetry={reload}
          headingLevel={3}
        />
      ) : (
        <>
          <p>
            <strong>{status}</strong>
          </p>
          {course.status === 'published' ? (
            <ConfirmButton
              label={t('courses.publishing.unpublish')}
              variant="secondary"
              dialogTitle={t('courses.publishing.unpublishTitle', { title: course.title })}
              dialogVariant="danger"
              submit={unpublish}
              onConfirm={confirmUnpublish}
            >
              <p>{t('courses.publishing.unpublishBody')}</p>
            </ConfirmButton>
          ) : null}
          <PublishForm course={course} onPublished={published} onReplace={onReplace} />
          <h3>{t('courses.publishing.versions')}</h3>
          <VersionsTable versions={versions ?? []} />
        </>
      )}
    </section>
  );
}

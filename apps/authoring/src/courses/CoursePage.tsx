import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Page, Skeleton } from '@archipelago/ui';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import { ProblemAlert } from '../components/ProblemAlert';
import { CourseActions } from './CourseActions';
import type { CourseDetail } from './courseTypes';
import { CourseMetadataForm } from './CourseMetadataForm';
import { OutlineEditor } from './outline/OutlineEditor';
import { LearnersSection } from './learners/LearnersSection';
import { PublishingSection } from './publishing/PublishingSection';
import { CertificatesLinks } from '../certificates/CertificatesLinks';

/** One course: its details form and its outline, both saved against the course revision. */
export default function CoursePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { state, reload } = useApiData(courseId, (signal) =>
    api.GET('/api/studio/courses/{id}', { params: { path: { id: courseId } }, signal }),
  );

  if (state.status === 'loading') {
    return (
      <Page title={t('courses.page.loadingTitle')}>
        <Skeleton lines={10} label={t('courses.page.loading')} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <Page title={t('courses.page.loadingTitle')}>
        <ProblemAlert title={t('courses.page.loadFailed')} problem={state.problem} onRetry={reload} />
        <p>
          <Link to="/courses">{t('courses.back')}</Link>
        </p>
      </Page>
    );
  }
  return <CourseEditor key={state.data.id} loaded={state.data} />;
}

function CourseEditor({ loaded }: { loaded: CourseDetail }) {
  const { t } = useTranslation();
  const [course, setCourse] = useState(loaded);
  // Bumped when the course is replaced by someone else's version: the details form starts over.
  const [generation, setGeneration] = useState(0);
  const replace = (newer: CourseDetail) => {
    setCourse(newer);
    setGeneration((count) => count + 1);
  };

  const archived = course.status === 'archived';

  return (
    <Page title={course.title}>
      <p>
        <Link to="/courses">{t('courses.back')}</Link>
      </p>
      <p>
        {t('courses.page.facts', {
          status: t(`courses.status.${course.status}`),
          language: t(`courses.languages.${course.language}`),
          slug: course.slug,
        })}
      </p>
      <CourseActions course={course} onChange={setCourse} />
      <p>
        <Link to={`/courses/${course.id}/questions`}>{t('questions.bank.courseLink')}</Link>
      </p>
      {archived ? (
        <Alert tone="info" title={t('courses.archive.noticeTitle')}>
          <p>{t('courses.archive.noticeBody')}</p>
        </Alert>
      ) : null}
      {/* An archived course is read-only until restored: a disabled fieldset disables every control in
          it at once, and stays in place (role none) so nothing remounts and no unsaved text is lost. */}
      <fieldset className="studio-fieldset" role="none" disabled={archived}>
        <CourseMetadataForm key={generation} course={course} onSaved={setCourse} onReplace={replace} />
        <OutlineEditor course={course} onChange={setCourse} onReplace={replace} readOnly={archived} />
        {/* Sibling keys must differ from the details form's: this one starts over on a replace too. */}
        <PublishingSection
          key={`publishing:${generation}`}
          course={course}
          onChange={setCourse}
          onReplace={replace}
        />
      </fieldset>
      <LearnersSection courseId={course.id} courseTitle={course.title} />
      <CertificatesLinks courseId={course.id} institutionId={course.institutionId} />
    </Page>
  );
}

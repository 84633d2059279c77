import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Page, Skeleton } from '@archipelago/ui';
import { CourseCover } from '../catalogue/CourseCover';
import { CourseFacts } from '../catalogue/CourseFacts';
import { CourseOutline } from '../catalogue/CourseOutline';
import { SdgList } from '../catalogue/SdgList';
import { useCourse } from '../catalogue/useCourse';
import { EnrolmentPanel } from '../learning/EnrolmentPanel';
import NotFoundRoute from './NotFoundRoute';

/** A published course as a learner deciding whether to take it sees it. */
export default function CoursePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { state, retry } = useCourse(slug);

  if (state.status === 'missing') return <NotFoundRoute />;
  if (state.status !== 'ready') {
    return (
      <Page title={t('course.loadingTitle')}>
        {state.status === 'loading' ? <Skeleton lines={6} label={t('course.loading')} /> : null}
        {state.status === 'error' ? (
          <Alert title={t('course.errorTitle')}>
            <p>{t('forms.offline')}</p>
            <Button onClick={retry}>{t('forms.retry')}</Button>
          </Alert>
        ) : null}
      </Page>
    );
  }

  const { course } = state;
  return (
    <Page title={course.title}>
      <CourseCover course={course} />
      <p className="arch-lead">{course.summary}</p>
      <CourseFacts course={course} />
      <EnrolmentPanel course={course} />
      {course.outcomes.length > 0 ? (
        <>
          <h2>{t('course.outcomes')}</h2>
          <ul>
            {course.outcomes.map((outcome) => (
              <li key={outcome}>{outcome}</li>
            ))}
          </ul>
        </>
      ) : null}
      <SdgList sdgs={course.sdgs} />
      <CourseOutline modules={course.modules} />
    </Page>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, Page, Skeleton, useSession } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { LoadFailed } from '../account/LoadFailed';
import { CourseProgress } from '../learning/CourseProgress';
import { fetchMyLearning, learnPaths, type MyLearningCourse } from '../learning/learning-api';
import { sendPendingFirst, useLearningQueue } from '../learning/useLearningQueue';
import { useResource } from '../learning/useResource';
import '../learning/learning.css';

/** "My learning": the courses the learner is enrolled in, with progress and where to continue. */
export default function MyLearningPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn>
      <Page title={t('learning.title')}>
        <p>
          <Link to="/learning/certificates">{t('learning.certificates')}</Link>
        </p>
        <MyCourses />
      </Page>
    </RequireSignIn>
  );
}

function MyCourses() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queue = useLearningQueue();
  const { state, retry } = useResource(`mine|${me?.user.id ?? ''}`, async (signal) => {
    await sendPendingFirst(queue);
    return fetchMyLearning(signal);
  });
  if (state.status === 'loading') return <Skeleton lines={6} label={t('learning.loading')} />;
  if (state.status !== 'ready') return <LoadFailed retry={retry} />;
  const { items } = state.data;
  if (items.length === 0) {
    return (
      <>
        <p>{t('learning.empty')}</p>
        <Link className={buttonClassName()} to="/courses">
          {t('learning.browse')}
        </Link>
      </>
    );
  }
  return (
    <>
      <p>{t('learning.intro')}</p>
      <ul className="learning-list">
        {items.map((course) => (
          <CourseEntry key={course.slug} course={course} />
        ))}
      </ul>
    </>
  );
}

function CourseEntry({ course }: { course: MyLearningCourse }) {
  const { t } = useTranslation();
  const started = course.lastVisitedAt !== null || course.progress.completed > 0;
  return (
    <li>
      <h2>
        <Link to={learnPaths.course(course.slug)}>{course.title}</Link>
      </h2>
      <CourseProgress
        progress={course.progress}
        completedAt={course.completedAt}
        label={t('learning.progressIn', { title: course.title })}
      />
      <p className="learning-next">{t('learning.nextUp', { title: course.resume.title })}</p>
      <Link className={buttonClassName()} to={learnPaths.activity(course.slug, course.resume.activityId)}>
        {started ? t('learning.continue') : t('learning.start')}
        <span className="arch-visually-hidden"> {course.title}</span>
      </Link>
    </li>
  );
}

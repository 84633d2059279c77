import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClassName, Page, Skeleton, useFormatters } from '@archipelago/ui';
import { RequireSignIn } from '../account/RequireSignIn';
import { LoadFailed } from '../account/LoadFailed';
import { CourseCertificateLink } from '../certificates/CourseCertificateLink';
import { ActivityStatusText } from '../learning/ActivityStatusText';
import { CourseProgress } from '../learning/CourseProgress';
import {
  fetchLearningCourse,
  learnPaths,
  type LearningCourse,
  type LearningModule,
} from '../learning/learning-api';
import { sendPendingFirst, useLearningQueue } from '../learning/useLearningQueue';
import { useResource } from '../learning/useResource';
import '../learning/learning.css';

/** The course home of an enrolled learner: progress, Continue, and the outline with each status. */
export default function LearnCoursePage() {
  const { slug = '' } = useParams();
  return (
    <RequireSignIn>
      <CourseHome key={slug} slug={slug} />
    </RequireSignIn>
  );
}

function CourseHome({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queue = useLearningQueue();
  const { state, retry } = useResource(`learn|${slug}`, async (signal) => {
    await sendPendingFirst(queue);
    return fetchLearningCourse(slug, signal);
  });
  if (state.status !== 'ready') {
    return (
      <Page
        title={state.status === 'missing' ? t('courseHome.notEnrolledTitle') : t('courseHome.loadingTitle')}
      >
        {state.status === 'loading' ? <Skeleton lines={8} label={t('courseHome.loading')} /> : null}
        {state.status === 'error' ? <LoadFailed retry={retry} /> : null}
        {state.status === 'missing' ? (
          <>
            <p>{t('courseHome.notEnrolled')}</p>
            <Link className={buttonClassName()} to={learnPaths.catalogue(slug)}>
              {t('courseHome.toCoursePage')}
            </Link>
          </>
        ) : null}
      </Page>
    );
  }
  return <CourseOverview course={state.data} />;
}

function CourseOverview({ course }: { course: LearningCourse }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const outlineId = useId();
  const started = course.lastVisitedAt !== null || course.progress.completed > 0;
  return (
    <Page title={course.title}>
      <p className="arch-lead">{course.summary}</p>
      <p>
        {t('courseHome.version', { version: format.number(course.version) })}{' '}
        {t('courseHome.enrolledOn', { date: format.date(course.enrolledAt) })}
      </p>
      <CourseProgress
        progress={course.progress}
        completedAt={course.completedAt}
        label={t('courseHome.progress')}
      />
      <p className="learning-next">{t('learning.nextUp', { title: course.resume.title })}</p>
      <div className="arch-actions learning-actions">
        <Link className={buttonClassName()} to={learnPaths.activity(course.slug, course.resume.activityId)}>
          {started ? t('learning.continue') : t('learning.start')}
        </Link>
        <Link to={learnPaths.catalogue(course.slug)}>{t('courseHome.about')}</Link>
      </div>
      {course.completedAt ? <CourseCertificateLink courseSlug={course.slug} /> : null}
      <section aria-labelledby={outlineId}>
        <h2 id={outlineId}>{t('courseHome.outline')}</h2>
        <ol className="learning-outline">
          {course.modules.map((module) => (
            <ModuleEntry key={module.id} slug={course.slug} module={module} />
          ))}
        </ol>
      </section>
    </Page>
  );
}

function ModuleEntry({ slug, module }: { slug: string; module: LearningModule }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { completed, required } = module.progress;
  return (
    <li id={`module-${module.id}`}>
      <h3>{module.title}</h3>
      {module.summary ? <p>{module.summary}</p> : null}
      <p>
        {required === 0
          ? t('courseHome.moduleNoneRequired')
          : t('courseHome.moduleProgress', {
              completed: format.number(completed),
              required: format.number(required),
            })}
      </p>
      <ol className="learning-activities">
        {module.activities.map((activity) => (
          <li key={activity.id}>
            <span>
              <Link to={learnPaths.activity(slug, activity.id)}>{activity.title}</Link>
              {activity.required ? null : ` ${t('course.optional')}`}
            </span>
            <ActivityStatusText status={activity.status} />
          </li>
        ))}
      </ol>
    </li>
  );
}

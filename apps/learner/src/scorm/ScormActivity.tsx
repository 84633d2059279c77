import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Skeleton } from '@archipelago/ui';
import { LoadFailed } from '../account/LoadFailed';
import { CourseProgress } from '../learning/CourseProgress';
import {
  fetchLearningCourse,
  learnPaths,
  type ActivityView,
  type LearningCourse,
} from '../learning/learning-api';
import { LessonPager } from '../learning/reader/LessonPager';
import { useResource } from '../learning/useResource';
import { fetchScormPlayer } from './scorm-api';
import { ScormPlayer } from './ScormPlayer';
import './scorm.css';

/**
 * A SCORM package activity in the reader (lazy-loaded by the lesson reader, with scorm-again in
 * chunks of its own loaded only when a SCO is launched): the player, then the course's progress
 * once the package reports the activity completed.
 */
export default function ScormActivity({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const slug = activity.course.slug;
  const { state, retry } = useResource(`scorm|${slug}|${activity.id}`, (signal) =>
    fetchScormPlayer(slug, activity.id, signal),
  );
  const [course, setCourse] = useState<LearningCourse | null>(null);
  // The activity counts for the course now: show where the course stands.
  const onCompleted = useCallback(() => {
    fetchLearningCourse(slug, new AbortController().signal).then(setCourse, () => undefined);
  }, [slug]);

  return (
    <div className="scorm-activity">
      <p className="reader-meta">
        {t('reader.inModule', { title: activity.module.title })}
        {activity.required ? null : ` · ${t('reader.optional')}`}
      </p>
      {state.status === 'loading' ? <Skeleton lines={6} label={t('scorm:loading')} /> : null}
      {state.status === 'error' ? <LoadFailed retry={retry} /> : null}
      {state.status === 'missing' ? <p>{t('scorm:missing')}</p> : null}
      {state.status === 'ready' ? (
        <ScormPlayer
          key={`${slug}|${activity.id}`}
          slug={slug}
          activityId={activity.id}
          initial={state.data}
          onCompleted={onCompleted}
        />
      ) : null}
      {course ? (
        <div className="scorm-course">
          <CourseProgress
            progress={course.progress}
            completedAt={course.completedAt}
            label={t('scorm:courseProgress', { title: course.title })}
          />
          {course.completedAt ? (
            <Alert tone="info" title={t('reader.courseDoneTitle')}>
              <p>{t('reader.courseDone')}</p>
              <Link to={learnPaths.course(slug)}>{t('reader.backToCourse')}</Link>
            </Alert>
          ) : null}
        </div>
      ) : null}
      <LessonPager activity={activity} />
    </div>
  );
}

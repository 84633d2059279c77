import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { JSONContent } from '@tiptap/core';
import { Alert, Page, Skeleton } from '@archipelago/ui';
import { api } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { UploadInstitution } from '../files/UploadInstitution';
import { LessonEditor } from './LessonEditor';
import { LessonPreview } from './LessonPreview';
import './lessons.css';
import '../components/page-nav.css';

/**
 * /lessons/:activityId — a lesson's content, under its title, with a breadcrumb back to its course.
 * This page and tiptap load as their own chunk.
 */
export default function LessonEditorPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const { state, reload } = useApiData(activityId, (signal) =>
    api.GET('/api/studio/lessons/{activityId}', { params: { path: { activityId } }, signal }),
  );
  const lesson = state.status === 'ready' ? state.data : undefined;

  return (
    <Page title={lesson?.title ?? t('lessonEditor.title')}>
      <nav aria-label={t('lessonEditor.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/courses">{t('lessonEditor.courses')}</Link>
          </li>
          {lesson ? (
            <>
              <li>
                <Link to={`/courses/${lesson.courseId}`}>{lesson.courseTitle}</Link>
              </li>
              <li aria-current="page">{lesson.title}</li>
            </>
          ) : null}
        </ol>
      </nav>
      {state.status === 'loading' ? <Skeleton lines={10} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('lessonEditor.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {lesson?.courseArchived ? (
        <>
          <Alert tone="info" title={t('courses.archive.noticeTitle')}>
            <p>{t('courses.archive.noticeBody')}</p>
          </Alert>
          <LessonPreview document={lesson.document as JSONContent} />
        </>
      ) : lesson ? (
        <UploadInstitution value={lesson.institutionId}>
          <LessonEditor
            key={activityId}
            activityId={activityId}
            initial={{ document: lesson.document as JSONContent, revision: lesson.revision }}
          />
        </UploadInstitution>
      ) : null}
    </Page>
  );
}

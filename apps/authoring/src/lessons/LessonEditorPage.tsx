import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { JSONContent } from '@tiptap/core';
import { Page, Skeleton } from '@archipelago/ui';
import { api } from '../api';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApiData } from '../data/useApiData';
import { LessonEditor } from './LessonEditor';
import './lessons.css';

/**
 * /lessons/:activityId — a lesson's content. The lesson endpoint does not return the activity's
 * title, so the heading is a generic "Edit lesson". This page and tiptap load as their own chunk.
 */
export default function LessonEditorPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const { state, reload } = useApiData(activityId, (signal) =>
    api.GET('/api/studio/lessons/{activityId}', { params: { path: { activityId } }, signal }),
  );

  return (
    <Page title={t('lessonEditor.title')}>
      <p>
        <Link to="/courses">{t('lessonEditor.back')}</Link>
      </p>
      {state.status === 'loading' ? <Skeleton lines={10} /> : null}
      {state.status === 'failed' ? (
        <ProblemAlert title={t('lessonEditor.loadFailed')} problem={state.problem} onRetry={reload} />
      ) : null}
      {state.status === 'ready' ? (
        <LessonEditor
          key={activityId}
          activityId={activityId}
          initial={{ document: state.data.document as JSONContent, revision: state.data.revision }}
        />
      ) : null}
    </Page>
  );
}

import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useApiData } from '../data/useApiData';
import '../components/page-nav.css';

/** Courses › the course › Question bank › this page: the way back from a question or a quiz. */
export function QuestionBreadcrumb({ courseId, current }: { courseId: string; current?: string }) {
  const { t } = useTranslation();
  const { state } = useApiData(`course:${courseId}`, (signal) =>
    api.GET('/api/studio/courses/{id}', { params: { path: { id: courseId } }, signal }),
  );
  const courseTitle = state.status === 'ready' ? state.data.title : t('questions.bank.course');
  return (
    <nav aria-label={t('questions.breadcrumb')} className="studio-breadcrumb">
      <ol>
        <li>
          <Link to="/courses">{t('lessonEditor.courses')}</Link>
        </li>
        <li>
          <Link to={`/courses/${courseId}`}>{courseTitle}</Link>
        </li>
        {current ? (
          <>
            <li>
              <Link to={`/courses/${courseId}/questions`}>{t('questions.bank.title')}</Link>
            </li>
            <li aria-current="page">{current}</li>
          </>
        ) : (
          <li aria-current="page">{t('questions.bank.title')}</li>
        )}
      </ol>
    </nav>
  );
}

import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../components/page-nav.css';

export interface QuizHeaderProps {
  activityId: string;
  courseId?: string;
  courseTitle?: string;
  quizTitle?: string;
  /** The last breadcrumb entry when deeper than the quiz (an attempt's review). */
  current?: string;
}

/** Breadcrumb back to the course, and the quiz's sections: content, results, item analysis. */
export function QuizHeader({ activityId, courseId, courseTitle, quizTitle, current }: QuizHeaderProps) {
  const { t } = useTranslation();
  const base = `/quizzes/${activityId}`;
  return (
    <>
      <nav aria-label={t('quizzes.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/courses">{t('lessonEditor.courses')}</Link>
          </li>
          {courseId ? (
            <li>
              <Link to={`/courses/${courseId}`}>{courseTitle ?? t('questions.bank.course')}</Link>
            </li>
          ) : null}
          {quizTitle ? <li>{current ? <Link to={base}>{quizTitle}</Link> : quizTitle}</li> : null}
          {current ? <li aria-current="page">{current}</li> : null}
        </ol>
      </nav>
      <nav aria-label={t('quizzes.sections')} className="studio-section-links">
        <ul>
          <li>
            <NavLink to={base} end>
              {t('quizzes.sectionEdit')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/results`}>{t('quizzes.sectionResults')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/analysis`}>{t('quizzes.sectionAnalysis')}</NavLink>
          </li>
          {courseId ? (
            <li>
              <Link to={`/courses/${courseId}/questions`}>{t('questions.bank.title')}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}

import { Link, NavLink, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../components/page-nav.css';

export interface ScormHeaderProps {
  activityId: string;
  courseId?: string;
  courseTitle?: string;
  activityTitle?: string;
  /** Deeper pages (the learners, one learner): their own entries after the activity's. */
  trail?: { label: string; to?: string }[];
}

/** Breadcrumb back to the course, and the activity's two sections: its package and its learners. */
export function ScormHeader({
  activityId,
  courseId,
  courseTitle,
  activityTitle,
  trail = [],
}: ScormHeaderProps) {
  const { t } = useTranslation();
  const base = `/scorm/${activityId}`;
  // On one learner's page the Learners section is where the reader is, not the page itself (the
  // breadcrumb's last entry is): NavLink would mark both aria-current="page".
  const onLearnerList = useMatch('/scorm/:activityId/learners') !== null;
  return (
    <>
      <nav aria-label={t('common.breadcrumb')} className="studio-breadcrumb">
        <ol>
          <li>
            <Link to="/courses">{t('lessonEditor.courses')}</Link>
          </li>
          {courseId ? (
            <li>
              <Link to={`/courses/${courseId}`}>{courseTitle ?? t('common.course')}</Link>
            </li>
          ) : null}
          {activityTitle ? (
            <li aria-current={trail.length === 0 ? 'page' : undefined}>
              {trail.length > 0 ? <Link to={base}>{activityTitle}</Link> : activityTitle}
            </li>
          ) : null}
          {trail.map((step, index) => (
            <li key={step.label} aria-current={index === trail.length - 1 ? 'page' : undefined}>
              {step.to && index < trail.length - 1 ? <Link to={step.to}>{step.label}</Link> : step.label}
            </li>
          ))}
        </ol>
      </nav>
      <nav aria-label={t('scorm.sections')} className="studio-section-links">
        <ul>
          <li>
            <NavLink to={base} end>
              {t('scorm.sectionPackage')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/learners`} aria-current={onLearnerList ? 'page' : 'true'}>
              {t('scorm.sectionLearners')}
            </NavLink>
          </li>
        </ul>
      </nav>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { formatHours, languageName } from './course-facts';
import type { CourseDetail } from './useCourse';

/** Time, language, SDGs and how to join, as a definition list. */
export function CourseFacts({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const hours = formatHours(course.estimatedHours, format);
  return (
    <dl className="arch-facts">
      {hours ? (
        <>
          <dt>{t('catalogue.estimatedTime')}</dt>
          <dd>{hours}</dd>
        </>
      ) : null}
      <dt>{t('catalogue.language')}</dt>
      <dd>{languageName(course.language, format.language)}</dd>
      {course.topics.length > 0 ? (
        <>
          <dt>{t('catalogue.topics')}</dt>
          <dd>{course.topics.join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('course.enrolment')}</dt>
      <dd>{t(`course.enrolmentModes.${course.enrolmentMode}`)}</dd>
      <dt>{t('course.version')}</dt>
      <dd>
        {t('course.versionOf', {
          version: format.number(course.version),
          date: format.date(course.publishedAt),
        })}
      </dd>
    </dl>
  );
}

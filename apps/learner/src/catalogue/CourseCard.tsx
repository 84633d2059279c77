import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { formatHours, languageName } from './course-facts';
import type { CatalogueCourse } from './useCatalogue';

/** One course in the catalogue: its title links to the course page. */
export function CourseCard({ course }: { course: CatalogueCourse }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const hours = formatHours(course.estimatedHours, format);
  return (
    <li className="arch-card">
      <h2>
        <Link to={`/courses/${encodeURIComponent(course.slug)}`}>{course.title}</Link>
      </h2>
      <p>{course.summary}</p>
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
      </dl>
    </li>
  );
}

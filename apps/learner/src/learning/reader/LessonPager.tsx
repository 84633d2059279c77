import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { learnPaths, type ActivityView } from '../learning-api';

/**
 * Previous and next activity in the course; after the last one, back to the course home. The
 * direction is shown small above the title; screen readers hear "Next: <title>" from hidden text.
 */
export function LessonPager({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  const slug = activity.course.slug;
  return (
    <nav className="reader-pager" aria-label={t('reader.pager')}>
      {activity.previous ? (
        <Link className="reader-pager__link" to={learnPaths.activity(slug, activity.previous.id)} rel="prev">
          <span className="reader-pager__direction" aria-hidden="true">
            {t('reader.previous')}
          </span>
          <span className="arch-visually-hidden">{t('reader.previousLabel')}</span>
          {activity.previous.title}
        </Link>
      ) : null}
      {activity.next ? (
        <Link
          className="reader-pager__link reader-pager__link--next"
          to={learnPaths.activity(slug, activity.next.id)}
          rel="next"
        >
          <span className="reader-pager__direction" aria-hidden="true">
            {t('reader.next')}
          </span>
          <span className="arch-visually-hidden">{t('reader.nextLabel')}</span>
          {activity.next.title}
        </Link>
      ) : (
        <Link className="reader-pager__link reader-pager__link--next" to={learnPaths.course(slug)}>
          {t('reader.backToCourse')}
        </Link>
      )}
    </nav>
  );
}

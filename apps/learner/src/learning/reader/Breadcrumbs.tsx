import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { learnPaths, type ActivityView } from '../learning-api';

/** My learning › course › module › this lesson; the separators are drawn by CSS, not read out. */
export function Breadcrumbs({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation();
  return (
    <nav className="reader-breadcrumb" aria-label={t('reader.breadcrumb')}>
      <ol>
        <li>
          <Link to={learnPaths.myLearning}>{t('learning.title')}</Link>
        </li>
        <li>
          <Link to={learnPaths.course(activity.course.slug)}>{activity.course.title}</Link>
        </li>
        <li>{activity.module.title}</li>
        <li>
          <span aria-current="page">{activity.title}</span>
        </li>
      </ol>
    </nav>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import type { CourseDetail } from './useCourse';

/** The modules with their activities, as nested lists; titles only, the reader is not built yet. */
export function CourseOutline({ modules }: { modules: CourseDetail['modules'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const activityCount = modules.reduce((sum, module) => sum + module.activities.length, 0);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('course.outline')}</h2>
      <p>
        {t('course.outlineCount', {
          modules: format.number(modules.length),
          activities: format.number(activityCount),
        })}
      </p>
      <ol>
        {modules.map((module) => (
          <li key={module.id}>
            <h3>{module.title}</h3>
            {module.summary ? <p>{module.summary}</p> : null}
            <p>{t('course.activities', { number: format.number(module.activities.length) })}</p>
            <ol>
              {module.activities.map((activity) => (
                <li key={activity.id}>
                  {activity.title}
                  {activity.required ? null : ` ${t('course.optional')}`}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useFormatters } from '@archipelago/ui';
import { dayText, instantToDay, periodText } from './cohortDates';
import type { CohortView } from './cohortTypes';

/** The cohort's details for those who may not change them: facilitators, and everyone once it is closed. */
export function CohortFacts({ cohort }: { cohort: CohortView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const none = t('cohorts:details.none');
  const windowText = periodText(
    format,
    t,
    cohort.enrolmentOpensAt ? instantToDay(cohort.enrolmentOpensAt) : null,
    cohort.enrolmentClosesAt ? instantToDay(cohort.enrolmentClosesAt) : null,
  );
  return (
    <dl className="arch-facts">
      <dt>{t('cohorts:form.description')}</dt>
      <dd>{cohort.description || none}</dd>
      <dt>{t('cohorts:form.dates')}</dt>
      <dd>{periodText(format, t, cohort.startsOn, cohort.endsOn) ?? none}</dd>
      <dt>{t('cohorts:form.window')}</dt>
      <dd>{windowText ?? t('cohorts:form.windowAlways')}</dd>
      <dt>{t('cohorts:form.courses')}</dt>
      <dd>
        {cohort.courses.length > 0 ? (
          <ul>
            {cohort.courses.map((course) => (
              <li key={course.id}>{course.title}</li>
            ))}
          </ul>
        ) : (
          none
        )}
      </dd>
      <dt>{t('cohorts:form.facilitators')}</dt>
      <dd>
        {cohort.facilitators.length > 0 ? cohort.facilitators.map((f) => f.displayName).join(', ') : none}
      </dd>
      <dt>{t('cohorts:deadlines.title')}</dt>
      <dd>
        {cohort.deadlines.length > 0 ? (
          <ul>
            {cohort.courses.flatMap((course) =>
              course.modules
                .filter((module) => cohort.deadlines.some((d) => d.moduleId === module.id))
                .map((module) => (
                  <li key={module.id}>
                    {t('cohorts:deadlines.fact', {
                      course: course.title,
                      module: module.title,
                      date: dayText(format, cohort.deadlines.find((d) => d.moduleId === module.id)!.dueOn),
                    })}
                  </li>
                )),
            )}
          </ul>
        ) : (
          none
        )}
      </dd>
    </dl>
  );
}

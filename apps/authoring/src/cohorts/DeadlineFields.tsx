import { useTranslation } from 'react-i18next';
import { FormField } from '@archipelago/ui';
import type { Problem } from '../data/problem';
import { errorFor } from '../components/FormProblems';
import { COHORT_FIELD_IDS } from './CohortFields';
import type { CohortView } from './cohortTypes';

const PREFIX = 'deadline:';

/** The deadlines typed into the form: one per module given a date. */
export function readDeadlines(form: FormData) {
  const deadlines: { courseId: string; moduleId: string; dueOn: string }[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(PREFIX) || typeof value !== 'string' || value === '') continue;
    const [courseId = '', moduleId = ''] = name.slice(PREFIX.length).split(':');
    deadlines.push({ courseId, moduleId, dueOn: value });
  }
  return deadlines;
}

/** An optional due date per module of each saved course; a learner who misses one shows as behind. */
export function DeadlineFields({ cohort, problem }: { cohort: CohortView; problem: Problem | null }) {
  const { t } = useTranslation();
  // The kit's words ("Error:"), as its own fields say them.
  const { t: kit } = useTranslation('ui');
  const due = (courseId: string, moduleId: string) =>
    cohort.deadlines.find((d) => d.courseId === courseId && d.moduleId === moduleId)?.dueOn ?? '';
  const id = COHORT_FIELD_IDS.deadlines;
  const error = errorFor(problem, 'deadlines');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'studio-fieldset arch-field--invalid' : 'studio-fieldset'}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
    >
      <legend>{t('cohorts:deadlines.title')}</legend>
      <p className="arch-field__hint" id={`${id}-hint`}>
        {t('cohorts:deadlines.hint')}
      </p>
      {error ? (
        <p className="arch-field__error" id={`${id}-error`}>
          <span className="arch-visually-hidden">{kit('errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {cohort.courses.length === 0 ? <p>{t('cohorts:deadlines.noCourses')}</p> : null}
      {cohort.courses.map((course) => (
        <fieldset key={course.id} className="studio-fieldset cohort-deadlines">
          <legend>{course.title}</legend>
          <div className="cohort-dates">
            {[...course.modules]
              .sort((a, b) => a.position - b.position)
              .map((module, index) => (
                <FormField
                  key={module.id}
                  id={`cohort-deadline-${module.id}`}
                  label={t('cohorts:deadlines.module', { number: index + 1, title: module.title })}
                >
                  <input
                    className="arch-input"
                    type="date"
                    name={`${PREFIX}${course.id}:${module.id}`}
                    defaultValue={due(course.id, module.id)}
                  />
                </FormField>
              ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

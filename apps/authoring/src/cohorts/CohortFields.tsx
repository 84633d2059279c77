import { useTranslation } from 'react-i18next';
import { FormField, Skeleton } from '@archipelago/ui';
import type { Problem } from '../data/problem';
import { errorFor } from '../components/FormProblems';
import type { CohortFields as Fields } from './cohorts-api';
import { dayEnd, dayStart, instantToDay } from './cohortDates';
import type { Choices } from './useCohortChoices';

/** Request field → the control the error summary links to. */
export const COHORT_FIELD_IDS = {
  institutionId: 'cohort-institution',
  name: 'cohort-name',
  description: 'cohort-description',
  startsOn: 'cohort-starts',
  endsOn: 'cohort-ends',
  enrolmentOpensAt: 'cohort-opens',
  enrolmentClosesAt: 'cohort-closes',
  courseIds: 'cohort-courses',
  facilitatorIds: 'cohort-facilitators',
  deadlines: 'cohort-deadlines',
} as const;

export interface CohortFieldsProps {
  initial?: {
    name: string;
    description: string | null;
    startsOn: string | null;
    endsOn: string | null;
    enrolmentOpensAt: string | null;
    enrolmentClosesAt: string | null;
    courseIds: string[];
    facilitatorIds: string[];
  };
  /** Undefined while loading. */
  courses: Choices | undefined;
  facilitators: Choices | undefined;
  problem: Problem | null;
}

/** The form's fields as the API wants them. */
export function readCohortFields(form: FormData): Fields {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    name: text('name'),
    description: text('description'),
    startsOn: text('startsOn') || null,
    endsOn: text('endsOn') || null,
    enrolmentOpensAt: dayStart(text('enrolmentOpensOn')),
    enrolmentClosesAt: dayEnd(text('enrolmentClosesOn')),
    courseIds: form.getAll('courseIds').map(String),
    facilitatorIds: form.getAll('facilitatorIds').map(String),
  };
}

/** Name, description, dates, enrolment window, courses and facilitators: shared by "New cohort" and the cohort page. */
export function CohortFields({ initial, courses, facilitators, problem }: CohortFieldsProps) {
  const { t } = useTranslation();
  const error = (field: string) => errorFor(problem, field);
  return (
    <>
      <FormField label={t('cohorts:form.name')} id={COHORT_FIELD_IDS.name} error={error('name')}>
        <input className="arch-input" name="name" maxLength={200} defaultValue={initial?.name ?? ''} />
      </FormField>
      <FormField
        label={t('cohorts:form.description')}
        id={COHORT_FIELD_IDS.description}
        error={error('description')}
      >
        <textarea
          className="arch-input"
          name="description"
          rows={3}
          defaultValue={initial?.description ?? ''}
        />
      </FormField>
      <div className="cohort-dates">
        <FormField
          label={t('cohorts:form.startsOn')}
          id={COHORT_FIELD_IDS.startsOn}
          error={error('startsOn')}
        >
          <input className="arch-input" name="startsOn" type="date" defaultValue={initial?.startsOn ?? ''} />
        </FormField>
        <FormField label={t('cohorts:form.endsOn')} id={COHORT_FIELD_IDS.endsOn} error={error('endsOn')}>
          <input className="arch-input" name="endsOn" type="date" defaultValue={initial?.endsOn ?? ''} />
        </FormField>
      </div>
      <fieldset className="studio-fieldset cohort-window">
        <legend>{t('cohorts:form.window')}</legend>
        <p className="arch-field__hint">{t('cohorts:form.windowHint')}</p>
        <div className="cohort-dates">
          <FormField
            label={t('cohorts:form.opensOn')}
            id={COHORT_FIELD_IDS.enrolmentOpensAt}
            error={error('enrolmentOpensAt')}
          >
            <input
              className="arch-input"
              name="enrolmentOpensOn"
              type="date"
              defaultValue={instantToDay(initial?.enrolmentOpensAt ?? null)}
            />
          </FormField>
          <FormField
            label={t('cohorts:form.closesOn')}
            id={COHORT_FIELD_IDS.enrolmentClosesAt}
            error={error('enrolmentClosesAt')}
          >
            <input
              className="arch-input"
              name="enrolmentClosesOn"
              type="date"
              defaultValue={instantToDay(initial?.enrolmentClosesAt ?? null)}
            />
          </FormField>
        </div>
      </fieldset>
      <ChoiceGroup
        id={COHORT_FIELD_IDS.courseIds}
        name="courseIds"
        legend={t('cohorts:form.courses')}
        hint={t('cohorts:form.coursesHint')}
        empty={t('cohorts:form.noCourses')}
        loading={t('cohorts:form.loadingCourses')}
        failed={t('cohorts:form.coursesFailed')}
        choices={courses}
        checked={initial?.courseIds ?? []}
        error={error('courseIds')}
      />
      <ChoiceGroup
        id={COHORT_FIELD_IDS.facilitatorIds}
        name="facilitatorIds"
        legend={t('cohorts:form.facilitators')}
        hint={t('cohorts:form.facilitatorsHint')}
        empty={t('cohorts:form.noFacilitators')}
        loading={t('cohorts:form.loadingFacilitators')}
        failed={t('cohorts:form.facilitatorsFailed')}
        choices={facilitators}
        checked={initial?.facilitatorIds ?? []}
        error={error('facilitatorIds')}
      />
    </>
  );
}

interface ChoiceGroupProps {
  id: string;
  name: string;
  legend: string;
  hint: string;
  empty: string;
  loading: string;
  /** Said when the choices could not be read, instead of claiming there are none. */
  failed: string;
  choices: Choices | undefined;
  checked: string[];
  error?: string;
}

/** Checkboxes in a fieldset; the fieldset takes focus from the error summary's link. */
function ChoiceGroup(props: ChoiceGroupProps) {
  const { id, name, legend, hint, empty, loading, failed, checked, error } = props;
  const choices = props.choices?.items;
  // The kit's words ("Error:"), as its own fields say them.
  const { t: kit } = useTranslation('ui');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={
        error ? 'studio-fieldset cohort-choices arch-field--invalid' : 'studio-fieldset cohort-choices'
      }
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
    >
      <legend>{legend}</legend>
      <p className="arch-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="arch-field__error" id={`${id}-error`}>
          <span className="arch-visually-hidden">{kit('errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {choices === undefined ? <Skeleton lines={3} label={loading} /> : null}
      {props.choices?.failed ? (
        <p className="arch-field__error" role="alert">
          {failed}
        </p>
      ) : null}
      {choices?.length === 0 && !props.choices?.failed ? <p>{empty}</p> : null}
      {choices && choices.length > 0 ? (
        <ul>
          {choices.map((choice) => (
            <li key={choice.id} className="studio-checkbox">
              <input
                id={`${id}-${choice.id}`}
                type="checkbox"
                name={name}
                value={choice.id}
                defaultChecked={checked.includes(choice.id)}
              />
              <label htmlFor={`${id}-${choice.id}`}>{choice.label}</label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

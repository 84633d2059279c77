import { useTranslation } from 'react-i18next';
import { FormField, Skeleton } from '@archipelago/ui';
import type { Problem } from '../../data/problem';
import { errorFor } from '../../components/FormProblems';
import type { AssessmentSettings } from './assessmentTypes';

/** Request field → the control the error summary links to. */
export const ASSESSMENT_FIELD_IDS = {
  institutionId: 'dgca-institution',
  subject: 'dgca-subject',
  country: 'dgca-country',
  versionId: 'dgca-version',
  title: 'dgca-title',
  description: 'dgca-description',
  startsOn: 'dgca-starts',
  individualDueOn: 'dgca-individual-due',
  consensusOn: 'dgca-consensus-on',
  previousAssessmentId: 'dgca-previous',
  regionalOptIn: 'dgca-regional',
} as const;

/** The form's settings as the API wants them. */
export function readAssessmentSettings(form: FormData): AssessmentSettings {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    title: text('title'),
    description: text('description'),
    startsOn: text('startsOn') || null,
    individualDueOn: text('individualDueOn') || null,
    consensusOn: text('consensusOn') || null,
    previousAssessmentId: text('previousAssessmentId') || null,
  };
}

export interface AssessmentFieldsProps {
  initial?: Partial<AssessmentSettings>;
  /** Completed assessments that may be compared with this one; undefined while loading (the select waits, so its saved choice shows). */
  previousChoices: { id: string; title: string }[] | undefined;
  problem: Problem | null;
}

/** Title, description, dates and the assessment to compare with: shared by "New assessment" and the assessment page. */
export function AssessmentFields({ initial, previousChoices, problem }: AssessmentFieldsProps) {
  const { t } = useTranslation();
  const error = (field: string) => errorFor(problem, field);
  const ids = ASSESSMENT_FIELD_IDS;
  return (
    <>
      <FormField label={t('dgca:form.title')} id={ids.title} error={error('title')}>
        <input className="arch-input" name="title" maxLength={200} defaultValue={initial?.title ?? ''} />
      </FormField>
      <FormField
        label={t('dgca:form.description')}
        hint={t('dgca:form.descriptionHint')}
        id={ids.description}
        error={error('description')}
      >
        <textarea
          className="arch-input"
          name="description"
          rows={3}
          defaultValue={initial?.description ?? ''}
        />
      </FormField>
      <fieldset className="studio-fieldset">
        <legend>{t('dgca:form.dates')}</legend>
        <p className="arch-field__hint">{t('dgca:form.datesHint')}</p>
        <div className="dgca-dates">
          <FormField label={t('dgca:form.startsOn')} id={ids.startsOn} error={error('startsOn')}>
            <input
              className="arch-input"
              name="startsOn"
              type="date"
              defaultValue={initial?.startsOn ?? ''}
            />
          </FormField>
          <FormField
            label={t('dgca:form.individualDueOn')}
            id={ids.individualDueOn}
            error={error('individualDueOn')}
          >
            <input
              className="arch-input"
              name="individualDueOn"
              type="date"
              defaultValue={initial?.individualDueOn ?? ''}
            />
          </FormField>
          <FormField label={t('dgca:form.consensusOn')} id={ids.consensusOn} error={error('consensusOn')}>
            <input
              className="arch-input"
              name="consensusOn"
              type="date"
              defaultValue={initial?.consensusOn ?? ''}
            />
          </FormField>
        </div>
      </fieldset>
      {previousChoices === undefined ? (
        <Skeleton lines={1} label={t('dgca:form.loadingPrevious')} />
      ) : (
        <FormField
          label={t('dgca:form.previous')}
          hint={t('dgca:form.previousHint')}
          id={ids.previousAssessmentId}
          error={error('previousAssessmentId')}
        >
          <select
            className="arch-input"
            name="previousAssessmentId"
            defaultValue={initial?.previousAssessmentId ?? ''}
          >
            <option value="">{t('dgca:form.noPrevious')}</option>
            {previousChoices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.title}
              </option>
            ))}
          </select>
        </FormField>
      )}
    </>
  );
}

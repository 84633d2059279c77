import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FormField, Page, Skeleton, useAnnounce, useSession } from '@archipelago/ui';
import { useApiData } from '../../data/useApiData';
import { useSubmit } from '../../data/useSubmit';
import { FormProblems, errorFor } from '../../components/FormProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { problemCode } from '../../cohorts/problemCode';
import { useInstitutionChoices } from '../../users/useInstitutionChoices';
import { listFrameworks } from '../frameworks/frameworks-api';
import { createAssessment } from './assessments-api';
import { ASSESSMENT_FIELD_IDS, AssessmentFields, readAssessmentSettings } from './AssessmentFields';
import type { AssessmentSubject } from './assessmentTypes';
import { useAssessmentRefusal } from './assessmentRefusal';
import { usePreviousChoices } from './usePreviousChoices';
import './dgca.css';

const SUBJECTS: AssessmentSubject[] = ['country', 'institution'];

/** /assessments/new — an assessment's settings; participants are added on its page once it exists. */
export default function NewAssessmentPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const institutions = useInstitutionChoices(me!);
  const [chosen, setChosen] = useState<string | null>(null);
  const institutionId = chosen ?? institutions[0]?.id ?? '';

  return (
    <Page title={t('dgca:new.title')}>
      <p>
        <Link to="/assessments">{t('dgca:back')}</Link>
      </p>
      <p>{t('dgca:new.intro')}</p>
      {institutionId === '' ? (
        <Skeleton lines={8} label={t('dgca:form.loading')} />
      ) : (
        <NewAssessmentForm
          institutionId={institutionId}
          institutions={institutions}
          onInstitution={setChosen}
        />
      )}
    </Page>
  );
}

interface NewAssessmentFormProps {
  institutionId: string;
  institutions: { id: string; name: string }[];
  onInstitution: (id: string) => void;
}

function NewAssessmentForm({ institutionId, institutions, onInstitution }: NewAssessmentFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useAssessmentRefusal();
  const problem = refusal(submit.problem, code);
  const previous = usePreviousChoices(institutionId);
  const { state: frameworks, reload } = useApiData('dgca-frameworks', (signal) => listFrameworks(signal));
  const published =
    frameworks.status === 'ready' ? frameworks.data.items.filter((f) => f.published !== null) : [];
  const error = (field: string) => errorFor(problem, field);
  const ids = ASSESSMENT_FIELD_IDS;

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const settings = readAssessmentSettings(form);
    const result = await submit.run(async () => {
      const answer = await createAssessment({
        ...settings,
        description: settings.description || undefined,
        previousAssessmentId: settings.previousAssessmentId ?? undefined,
        institutionId,
        subject: text('subject') === 'institution' ? 'institution' : 'country',
        country: text('country').toUpperCase() || undefined,
        versionId: text('versionId'),
      });
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      const created = result.data;
      announce(t('dgca:new.created', { title: created.title }));
      await navigate(`/assessments/${created.id}`);
    }
  };

  return (
    <form className="studio-form" noValidate onSubmit={(event) => void create(event)}>
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={ids}
        title={t('dgca:new.failed')}
      />
      {institutions.length > 1 ? (
        <FormField
          label={t('dgca:form.institution')}
          hint={t('dgca:form.institutionHint')}
          id={ids.institutionId}
          error={error('institutionId')}
        >
          <select
            className="arch-input"
            name="institutionId"
            value={institutionId}
            onChange={(event) => onInstitution(event.target.value)}
          >
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
        </FormField>
      ) : (
        <p>{t('dgca:form.institutionIs', { name: institutions[0]?.name ?? '' })}</p>
      )}
      <fieldset id={ids.subject} tabIndex={-1} className="studio-fieldset">
        <legend>{t('dgca:form.subject')}</legend>
        {SUBJECTS.map((subject, index) => (
          <div key={subject} className="studio-checkbox">
            <input
              id={`${ids.subject}-${subject}`}
              type="radio"
              name="subject"
              value={subject}
              defaultChecked={index === 0}
            />
            <label htmlFor={`${ids.subject}-${subject}`}>{t(`dgca:form.subjects.${subject}`)}</label>
          </div>
        ))}
        {error('subject') ? <p className="arch-field__error">{error('subject')}</p> : null}
      </fieldset>
      <FormField
        label={t('dgca:form.country')}
        hint={t('dgca:form.countryHint')}
        id={ids.country}
        error={error('country')}
      >
        <input
          className="arch-input dgca-country"
          name="country"
          maxLength={2}
          autoCapitalize="characters"
          spellCheck={false}
        />
      </FormField>
      {frameworks.status === 'loading' ? (
        <Skeleton lines={1} label={t('dgca:form.loadingFrameworks')} />
      ) : null}
      {frameworks.status === 'failed' ? (
        <ProblemAlert
          title={t('dgca:form.frameworksFailed')}
          problem={frameworks.problem}
          onRetry={reload}
          headingLevel={3}
        />
      ) : null}
      {frameworks.status === 'ready' ? (
        <FormField
          label={t('dgca:form.framework')}
          hint={t('dgca:form.frameworkHint')}
          id={ids.versionId}
          error={error('versionId')}
        >
          <select
            className="arch-input"
            name="versionId"
            defaultValue={published[0]?.published?.versionId ?? ''}
          >
            {published.length === 0 ? <option value="">{t('dgca:form.noFramework')}</option> : null}
            {published.map((f) => (
              <option key={f.id} value={f.published!.versionId}>
                {t('dgca:frameworkVersion', { name: f.name, number: f.published!.number })}
              </option>
            ))}
          </select>
        </FormField>
      ) : null}
      <AssessmentFields previousChoices={previous} problem={problem} />
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('dgca:new.create')}
        </Button>
      </div>
    </form>
  );
}

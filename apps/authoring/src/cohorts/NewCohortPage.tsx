import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FormField, Page, Skeleton, useAnnounce, useSession } from '@archipelago/ui';
import { useSubmit } from '../data/useSubmit';
import { FormProblems, errorFor } from '../components/FormProblems';
import { useInstitutionChoices } from '../users/useInstitutionChoices';
import { createCohort } from './cohorts-api';
import { useCohortRefusal } from './cohortRefusal';
import { problemCode } from './problemCode';
import { COHORT_FIELD_IDS, CohortFields, readCohortFields } from './CohortFields';
import { useCourseChoices, useFacilitatorChoices } from './useCohortChoices';
import './cohorts.css';

/** /cohorts/new — a cohort's details; members are added on the cohort page once it exists. */
export default function NewCohortPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const institutions = useInstitutionChoices(me!);
  const [chosen, setChosen] = useState<string | null>(null);
  const institutionId = chosen ?? institutions[0]?.id ?? '';

  return (
    <Page title={t('cohorts:new.title')}>
      <p>
        <Link to="/cohorts">{t('cohorts:back')}</Link>
      </p>
      <p>{t('cohorts:new.intro')}</p>
      {institutionId === '' ? (
        <Skeleton lines={6} label={t('cohorts:form.loading')} />
      ) : (
        <NewCohortForm institutionId={institutionId} institutions={institutions} onInstitution={setChosen} />
      )}
    </Page>
  );
}

interface NewCohortFormProps {
  institutionId: string;
  institutions: { id: string; name: string }[];
  onInstitution: (id: string) => void;
}

function NewCohortForm({ institutionId, institutions, onInstitution }: NewCohortFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const submit = useSubmit();
  const [code, setCode] = useState<string | undefined>(undefined);
  const refusal = useCohortRefusal();
  const problem = refusal(submit.problem, code);
  const courses = useCourseChoices(institutionId);
  const facilitators = useFacilitatorChoices(institutionId);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = readCohortFields(new FormData(event.currentTarget));
    const result = await submit.run(async () => {
      const answer = await createCohort({ ...fields, institutionId });
      setCode(problemCode(answer.error));
      return answer;
    });
    if (result.ok && result.data) {
      announce(t('cohorts:new.created', { name: result.data.name }));
      await navigate(`/cohorts/${result.data.id}`);
    }
  };

  return (
    <form className="studio-form" noValidate onSubmit={(event) => void create(event)}>
      <FormProblems
        problem={problem}
        failures={submit.failures}
        fieldIds={COHORT_FIELD_IDS}
        title={t('cohorts:new.failed')}
      />
      {institutions.length > 1 ? (
        <FormField
          label={t('cohorts:form.institution')}
          id={COHORT_FIELD_IDS.institutionId}
          error={errorFor(problem, 'institutionId')}
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
        <p>{t('cohorts:form.institutionIs', { name: institutions[0]?.name ?? '' })}</p>
      )}
      <CohortFields courses={courses} facilitators={facilitators} problem={problem} />
      <div className="arch-actions">
        <Button type="submit" disabled={submit.busy}>
          {t('cohorts:new.create')}
        </Button>
      </div>
    </form>
  );
}

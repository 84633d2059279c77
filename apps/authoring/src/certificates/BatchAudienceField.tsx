import { useTranslation } from 'react-i18next';
import { FormField, Skeleton } from '@archipelago/ui';
import { errorFor } from '../components/FormProblems';
import type { Loaded } from '../data/useApiData';
import type { Problem } from '../data/problem';

export interface CohortChoice {
  id: string;
  name: string;
}

export interface BatchAudienceFieldProps {
  id: string;
  cohorts: Loaded<{ items: CohortChoice[] }>;
  /** The chosen cohort's id, or '' for every eligible learner. */
  value: string;
  onChange: (cohortId: string) => void;
  /** The last refusal: its message about `cohortId` shows at the field. */
  problem: Problem | null;
}

/** Who a batch goes to: every eligible learner, or the members of one of the course's cohorts. */
export function BatchAudienceField({ id, cohorts, value, onChange, problem }: BatchAudienceFieldProps) {
  const { t } = useTranslation();
  if (cohorts.status === 'loading')
    return <Skeleton lines={1} label={t('certificates.batch.cohortsLoading')} />;
  // Without the list the batch can still go to everyone, which is what it did before cohorts.
  if (cohorts.status === 'failed') return <p>{t('certificates.batch.cohortsFailed')}</p>;
  if (cohorts.data.items.length === 0) return null;
  return (
    <FormField
      id={id}
      label={t('certificates.batch.who')}
      hint={t('certificates.batch.whoHint')}
      error={errorFor(problem, 'cohortId')}
    >
      <select className="arch-input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('certificates.batch.whoAll')}</option>
        {cohorts.data.items.map((cohort) => (
          <option key={cohort.id} value={cohort.id}>
            {t('certificates.batch.whoCohort', { name: cohort.name })}
          </option>
        ))}
      </select>
    </FormField>
  );
}

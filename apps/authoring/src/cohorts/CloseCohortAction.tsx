import { useTranslation } from 'react-i18next';
import { useAnnounce } from '@archipelago/ui';
import { ConfirmButton } from '../components/ConfirmButton';
import { useSubmit } from '../data/useSubmit';
import { closeCohort } from './cohorts-api';
import type { CohortView } from './cohortTypes';

/** "Close cohort", after a confirmation saying it cannot be undone and what stays readable. */
export function CloseCohortAction({
  cohort,
  onClosed,
}: {
  cohort: CohortView;
  onClosed: (c: CohortView) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const submit = useSubmit();
  return (
    <section className="studio-section" aria-labelledby="cohort-close-heading">
      <h2 id="cohort-close-heading">{t('cohorts:close.title')}</h2>
      <p>{t('cohorts:close.intro')}</p>
      <ConfirmButton
        label={t('cohorts:close.button')}
        variant="danger"
        dialogTitle={t('cohorts:close.dialogTitle', { name: cohort.name })}
        dialogVariant="danger"
        submit={submit}
        onConfirm={async (close) => {
          const result = await submit.run(() => closeCohort(cohort.id));
          if (result.ok && result.data) {
            close();
            announce(t('cohorts:close.done', { name: cohort.name }));
            onClosed(result.data);
            // This section and its dialog go with the closing: focus moves to the now read-only details.
            setTimeout(() => document.getElementById('cohort-details-heading')?.focus());
          }
        }}
      >
        <p>{t('cohorts:close.confirm')}</p>
      </ConfirmButton>
    </section>
  );
}
